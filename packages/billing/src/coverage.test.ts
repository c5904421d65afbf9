import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverSameDay } from './coverage.ts';
import { comparePacksForDeduction, type PackState } from './deduction.ts';
import { DomainError } from './errors.ts';

const cst = (s: string): Date => new Date(`${s}+08:00`);

const newPack = (p: Partial<PackState> & Pick<PackState, 'id'>): PackState => ({
  label: 'identity.basic',
  source: 'purchase',
  status: 'active',
  total: 3,
  used: 0,
  acquiredAt: cst('2024-03-10T15:00:00'),
  expiresAt: cst('2025-03-10T23:59:59.999'),
  ...p,
});

describe('same-day coverage (R4.3)', () => {
  it('R4.3 a pack delivered at 15:00 on day D takes that day’s earlier postpaid calls from 00:00', () => {
    const packs = [newPack({ id: 7n, total: 2 })];
    const moves = coverSameDay(packs, [
      { id: 'c', occurredAt: cst('2024-03-10T09:00:00') },
      { id: 'a', occurredAt: cst('2024-03-10T00:00:00') },
      { id: 'b', occurredAt: cst('2024-03-10T09:00:00') },
    ]);
    // time order, then id; as far as the pack reaches
    expect(moves).toEqual([
      { eventId: 'a', packId: 7n },
      { eventId: 'b', packId: 7n },
    ]);
    expect(packs[0]).toMatchObject({ used: 2, status: 'exhausted' });
  });

  it('R4.3 several new packs are filled in R4.2 order', () => {
    const packs = [
      newPack({ id: 2n, total: 1, expiresAt: cst('2025-03-10T23:59:59.999') }),
      newPack({ id: 9n, total: 1, expiresAt: cst('2025-03-10T23:59:59.999') }),
      newPack({ id: 1n, total: 1, source: 'gift', expiresAt: cst('2025-03-10T15:00:00') }),
    ];
    const moves = coverSameDay(packs, [
      { id: 'x1', occurredAt: cst('2024-03-10T01:00:00') },
      { id: 'x2', occurredAt: cst('2024-03-10T02:00:00') },
      { id: 'x3', occurredAt: cst('2024-03-10T03:00:00') },
      { id: 'x4', occurredAt: cst('2024-03-10T04:00:00') },
    ]);
    expect(moves.map((m) => m.packId)).toEqual([1n, 2n, 9n]);
  });

  it('R4.3 calls from before day D are not moved', () => {
    const packs = [newPack({ id: 1n })];
    const moves = coverSameDay(packs, [
      { id: 'old', occurredAt: cst('2024-03-09T23:59:59.999') },
      { id: 'new', occurredAt: cst('2024-03-10T00:00:00') },
    ]);
    expect(moves).toEqual([{ eventId: 'new', packId: 1n }]);
  });

  it('R4.3 capacity, status and a single label are respected', () => {
    const full = newPack({ id: 1n, total: 1, used: 1, status: 'exhausted' });
    const refunded = newPack({ id: 2n, status: 'refunded' });
    expect(coverSameDay([full, refunded], [{ id: 'a', occurredAt: cst('2024-03-10T01:00:00') }])).toEqual([]);
    expect(() => coverSameDay([newPack({ id: 1n }), newPack({ id: 2n, label: 'mobile.2factor' })], [])).toThrow(
      DomainError,
    );
    expect(coverSameDay([], [{ id: 'a', occurredAt: cst('2024-03-10T01:00:00') }])).toEqual([]);
  });

  it('R4.3 property: each call moved at most once, capacity never exceeded, moves fill packs in R4.2 order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            total: fc.integer({ min: 1, max: 5 }),
            gift: fc.boolean(),
            expH: fc.integer({ min: 1, max: 4 }),
          }),
          {
            maxLength: 4,
          },
        ),
        fc.uniqueArray(fc.integer({ min: 0, max: 86_399 }), { maxLength: 20 }),
        (specs, secs) => {
          const packs = specs.map((s, i) =>
            newPack({
              id: BigInt(i + 1),
              total: s.total,
              source: s.gift ? 'gift' : 'purchase',
              expiresAt: cst(`2025-03-1${s.expH}T00:00:00`),
            }),
          );
          const calls = secs.map((s) => ({
            id: `c${s}`,
            occurredAt: new Date(cst('2024-03-10T00:00:00').getTime() + s * 1000),
          }));
          const moves = coverSameDay(packs, calls);
          expect(new Set(moves.map((m) => m.eventId)).size).toBe(moves.length);
          const capacity = specs.reduce((a, s) => a + s.total, 0);
          expect(moves.length).toBe(Math.min(capacity, calls.length));
          for (const p of packs) expect(p.used).toBeLessThanOrEqual(p.total);
          // Pack ids along the moves follow the R4.2 order of the packs.
          const order = [...packs].sort(comparePacksForDeduction).map((p) => p.id);
          const idx = moves.map((m) => order.indexOf(m.packId));
          expect(idx).toEqual([...idx].sort((a, b) => a - b));
        },
      ),
    );
  });
});
