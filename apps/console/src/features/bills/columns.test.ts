import { describe, expect, it } from 'vitest';
import { ALL_COLUMNS, fromChoices, moveChoice, normalizeColumns, toChoices, toggleChoice } from './columns.ts';

describe('column chooser ordering (R5.5)', () => {
  it('lists the saved visible columns first, in order, then the hidden ones in default order', () => {
    const choices = toChoices(['amount', 'occurredAt', 'label']);
    expect(choices.slice(0, 3)).toEqual([
      { id: 'amount', visible: true },
      { id: 'occurredAt', visible: true },
      { id: 'label', visible: true },
    ]);
    expect(choices).toHaveLength(ALL_COLUMNS.length);
    expect(choices.slice(3).every((c) => !c.visible)).toBe(true);
    expect(choices[3]?.id).toBe('resourceId');
    expect(fromChoices(choices)).toEqual(['amount', 'occurredAt', 'label']);
  });

  it('moves a column up and down, and ignores moves past either end', () => {
    const start = toChoices(['occurredAt', 'resourceId', 'amount']);
    const up = moveChoice(start, 2, -1);
    expect(fromChoices(up)).toEqual(['occurredAt', 'amount', 'resourceId']);
    const down = moveChoice(up, 0, 1);
    expect(fromChoices(down)).toEqual(['amount', 'occurredAt', 'resourceId']);
    expect(moveChoice(start, 0, -1)).toEqual(start);
    expect(moveChoice(start, start.length - 1, 1)).toEqual(start);
    // The input is never mutated.
    expect(fromChoices(start)).toEqual(['occurredAt', 'resourceId', 'amount']);
  });

  it('hides and shows a column in place; a shown hidden column keeps its position', () => {
    const start = toChoices(['occurredAt', 'resourceId', 'amount']);
    const hidden = toggleChoice(start, 'resourceId');
    expect(fromChoices(hidden)).toEqual(['occurredAt', 'amount']);
    const moved = moveChoice(hidden, 1, -1); // resourceId (hidden) moves above occurredAt
    const shown = toggleChoice(moved, 'resourceId');
    expect(fromChoices(shown)).toEqual(['resourceId', 'occurredAt', 'amount']);
  });

  it('never hides the last visible column (the server needs at least one)', () => {
    const one = toChoices(['amount']);
    expect(fromChoices(toggleChoice(one, 'amount'))).toEqual(['amount']);
  });

  it('normalizes saved columns: unknown and repeated ids dropped, empty means every column', () => {
    expect(normalizeColumns(['amount', 'bogus', 'amount', 'label'])).toEqual(['amount', 'label']);
    expect(normalizeColumns([])).toEqual([...ALL_COLUMNS]);
    expect(toChoices([]).every((c) => c.visible)).toBe(true);
  });
});
