import { describe, expect, it } from 'vitest';
import { parseExplainSearch } from './subject.ts';

describe('explainer URL state', () => {
  it('reads a pack, a charge or a day (with an optional label)', () => {
    expect(parseExplainSearch(new URLSearchParams('packId=12'))).toEqual({ packId: '12' });
    expect(parseExplainSearch(new URLSearchParams('chargeId=7'))).toEqual({ chargeId: '7' });
    expect(parseExplainSearch(new URLSearchParams('date=2026-11-20&label=risk.face'))).toEqual({
      date: '2026-11-20',
      label: 'risk.face',
    });
    expect(parseExplainSearch(new URLSearchParams('date=2026-11-20'))).toEqual({ date: '2026-11-20' });
  });

  it('ignores malformed values', () => {
    expect(parseExplainSearch(new URLSearchParams('packId=abc'))).toBeNull();
    expect(parseExplainSearch(new URLSearchParams('date=20-11-2026'))).toBeNull();
    expect(parseExplainSearch(new URLSearchParams(''))).toBeNull();
  });
});
