import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AccountState, type DeductionContext, deductBatch, type PackState, type UsageEvent } from './deduction.ts';
import { deductBatchExplained, packRule } from './explain.ts';
import { USAGE_RESULTS } from './results.ts';

const cst = (s: string): Date => new Date(`${s}+08:00`);
const NOW = cst('2024-03-10T12:00:00');
const ACTIVE: AccountState = { status: 'active', postpaidEnabled: true };
const ctx: DeductionContext = {
  now: NOW,
  skewMs: 0,
  settledThrough: '2024-03-08',
  knownLabels: new Set(['a']),
  knownResources: new Set(['r']),
};
const pack = (p: Partial<PackState> & Pick<PackState, 'id'>): PackState => ({
  label: 'a',
  source: 'purchase',
  status: 'active',
  total: 1,
  used: 0,
  acquiredAt: cst('2024-01-01T00:00:00'),
  expiresAt: cst('2025-01-01T00:00:00'),
  ...p,
});
const ev = (id: string, over: Partial<UsageEvent> = {}): UsageEvent => ({
  id,
  label: 'a',
  resourceId: 'r',
  result: 'success',
  occurredAt: cst('2024-03-10T09:00:00'),
  ...over,
});

describe('deduction explainer (R4.2, R4.7)', () => {
  it('R4.2 names the criterion that put the chosen pack first', () => {
    const gift = pack({ id: 9n, source: 'gift', expiresAt: cst('2026-01-01T00:00:00') });
    const early = pack({ id: 5n, expiresAt: cst('2024-06-01T00:00:00') });
    const acqEarly = pack({ id: 7n, acquiredAt: cst('2023-12-01T00:00:00') });
    const low = pack({ id: 1n });
    const high = pack({ id: 2n });
    expect(packRule(gift, early)).toBe('gift_first');
    expect(packRule(early, low)).toBe('earliest_expiry');
    expect(packRule(acqEarly, low)).toBe('earliest_acquired');
    expect(packRule(low, high)).toBe('lowest_id');
    expect(packRule(low, undefined)).toBe('only_pack');
  });

  it('R4.2 a pack past its expiry when the call is processed is no competitor: the rule compares the packs left', () => {
    // The gift expired at 10:00; the 09:00 call is processed at 12:00 (NOW).
    const packs = [
      pack({ id: 1n, source: 'gift', expiresAt: cst('2024-03-10T10:00:00') }),
      pack({ id: 2n, expiresAt: cst('2024-06-01T00:00:00') }),
      pack({ id: 3n }),
    ];
    expect(deductBatchExplained(packs, ACTIVE, [ev('x')], ctx, new Set())).toEqual([
      { outcome: { outcome: 'pack', packId: 2n }, rule: 'earliest_expiry' },
    ]);
  });

  it('R4.2/R4.4/R4.6 explains a batch: order of packs, then postpaid, free, rejected and duplicate', () => {
    const packs = [pack({ id: 2n }), pack({ id: 1n }), pack({ id: 3n, source: 'gift' })];
    const out = deductBatchExplained(
      packs,
      ACTIVE,
      [
        ev('e1'),
        ev('e2'),
        ev('e3'),
        ev('e4'),
        ev('e5', { result: 'timeout' }),
        ev('e6', { occurredAt: cst('2024-03-08T10:00:00') }),
        ev('e1'),
      ],
      ctx,
      new Set(),
    );
    expect(out.map((o) => [o.outcome.outcome, o.rule])).toEqual([
      ['pack', 'gift_first'],
      ['pack', 'lowest_id'],
      ['pack', 'only_pack'],
      ['postpaid', 'postpaid_no_pack'],
      ['free', 'not_billable'],
      ['rejected', 'rejected_day_settled'],
      ['duplicate', undefined],
    ]);
  });

  it('R4.3 a late call of day D taken by a pack delivered later on D is explained by R4.3 (delivered_same_day)', () => {
    const delivered = pack({ id: 7n, total: 5, acquiredAt: cst('2024-03-10T14:30:00') });
    const older = pack({ id: 3n, total: 5, source: 'gift', acquiredAt: cst('2024-03-01T08:00:00') });
    const at = { ...ctx, now: cst('2024-03-10T15:00:00') };
    const out = deductBatchExplained(
      [delivered],
      ACTIVE,
      [ev('late', { occurredAt: cst('2024-03-10T09:30:00') }), ev('after', { occurredAt: cst('2024-03-10T14:45:00') })],
      at,
      new Set(),
    );
    expect(out).toEqual([
      { outcome: { outcome: 'pack', packId: 7n }, rule: 'delivered_same_day' },
      { outcome: { outcome: 'pack', packId: 7n }, rule: 'only_pack' },
    ]);
    // When an older pack comes first in R4.2 order, the usual R4.2 criterion is named.
    const both = deductBatchExplained(
      [delivered, older],
      ACTIVE,
      [ev('late2', { occurredAt: cst('2024-03-10T09:30:00') })],
      at,
      new Set(),
    );
    expect(both).toEqual([{ outcome: { outcome: 'pack', packId: 3n }, rule: 'gift_first' }]);
  });

  it('R4.7 decides exactly what deductBatch decides', () => {
    const arbPack = fc.record({
      id: fc.bigInt({ min: 1n, max: 50n }),
      source: fc.constantFrom('gift' as const, 'purchase' as const),
      total: fc.integer({ min: 1, max: 4 }),
      exp: fc.integer({ min: 0, max: 3 }),
      acq: fc.integer({ min: 0, max: 3 }),
    });
    const arbEv = fc.record({
      id: fc.integer({ min: 0, max: 30 }),
      result: fc.constantFrom(...USAGE_RESULTS),
      hour: fc.integer({ min: 0, max: 11 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arbPack, { selector: (p) => p.id, maxLength: 6 }), fc.array(arbEv), (ps, es) => {
        const mk = () =>
          ps.map((p) =>
            pack({
              id: p.id,
              source: p.source,
              total: p.total,
              acquiredAt: cst(`2024-0${1 + p.acq}-01T00:00:00`),
              expiresAt: cst(`2025-0${1 + p.exp}-01T00:00:00`),
            }),
          );
        const events = es.map((e) =>
          ev(`e${e.id}`, { result: e.result, occurredAt: cst(`2024-03-10T${String(e.hour).padStart(2, '0')}:00:00`) }),
        );
        const a = mk();
        const b = mk();
        const plain = deductBatch(a, ACTIVE, events, ctx, new Set());
        const explained = deductBatchExplained(b, ACTIVE, events, ctx, new Set());
        expect(explained.map((x) => x.outcome)).toEqual(plain);
        expect(b).toEqual(a);
      }),
    );
  });
});
