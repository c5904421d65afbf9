import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AccountState,
  comparePacksForDeduction,
  type DeductionContext,
  deductBatch,
  deductEvent,
  type Outcome,
  type PackState,
  packCovers,
} from './deduction.ts';
import { isBillable, USAGE_RESULTS, type UsageResult } from './results.ts';

const cst = (s: string): Date => new Date(`${s}+08:00`);
const NOW = cst('2024-03-10T12:00:00');

const pack = (p: Partial<PackState> & Pick<PackState, 'id'>): PackState => ({
  label: 'basic.selfie',
  source: 'purchase',
  status: 'active',
  total: 10,
  used: 0,
  acquiredAt: cst('2024-01-01T10:00:00'),
  expiresAt: cst('2025-01-01T23:59:59.999'),
  ...p,
});

const ctx = (c: Partial<DeductionContext> = {}): DeductionContext => ({
  now: NOW,
  skewMs: 60_000,
  settledThrough: '2024-03-09',
  knownLabels: new Set(['basic.selfie', 'basic.authority']),
  knownResources: new Set(['app-1', 'app-2']),
  ...c,
});

const ACTIVE: AccountState = { status: 'active', postpaidEnabled: true };
let seq = 0;
const ev = (
  over: Partial<{ id: string; label: string; resourceId: string; result: UsageResult; occurredAt: Date }> = {},
) => ({
  id: `e${++seq}`,
  label: 'basic.selfie',
  resourceId: 'app-1',
  result: 'success' as UsageResult,
  occurredAt: cst('2024-03-10T11:00:00'),
  ...over,
});

describe('deduction order (R4.2)', () => {
  it('R4.2 gift packs before purchased packs, even when the purchase expires sooner', () => {
    const packs = [
      pack({ id: 1n, source: 'purchase', expiresAt: cst('2024-04-01T23:59:59.999') }),
      pack({ id: 2n, source: 'gift', expiresAt: cst('2024-12-01T10:00:00') }),
    ];
    expect(deductEvent(packs, ACTIVE, ev(), ctx())).toEqual({ outcome: 'pack', packId: 2n });
    expect(packs[1]?.used).toBe(1);
    expect(packs[0]?.used).toBe(0);
  });

  it('R4.2 same source: earliest expiry, then earliest acquired, then lowest id', () => {
    const a = pack({ id: 5n, expiresAt: cst('2024-06-01T00:00:00'), acquiredAt: cst('2024-01-02T00:00:00') });
    const b = pack({ id: 4n, expiresAt: cst('2024-06-01T00:00:00'), acquiredAt: cst('2024-01-01T00:00:00') });
    const c = pack({ id: 3n, expiresAt: cst('2024-06-01T00:00:00'), acquiredAt: cst('2024-01-01T00:00:00') });
    const d = pack({ id: 1n, expiresAt: cst('2024-07-01T00:00:00'), acquiredAt: cst('2023-01-01T00:00:00') });
    expect([a, b, c, d].sort(comparePacksForDeduction).map((p) => p.id)).toEqual([3n, 4n, 5n, 1n]);
    expect(deductEvent([a, b, c, d], ACTIVE, ev(), ctx())).toEqual({ outcome: 'pack', packId: 3n });
  });

  it('R4.2 only active packs of the label whose validity covers the call time', () => {
    const at = cst('2024-03-10T11:00:00');
    expect(packCovers(pack({ id: 1n }), 'basic.selfie', at)).toBe(true);
    expect(packCovers(pack({ id: 1n, label: 'basic.authority' }), 'basic.selfie', at)).toBe(false);
    expect(packCovers(pack({ id: 1n, status: 'expired' }), 'basic.selfie', at)).toBe(false);
    expect(packCovers(pack({ id: 1n, status: 'refunded' }), 'basic.selfie', at)).toBe(false);
    expect(packCovers(pack({ id: 1n, used: 10, status: 'exhausted' }), 'basic.selfie', at)).toBe(false);
    // R4.3 validity starts at 00:00 CST of the delivery day: later the same day still covers 11:00.
    expect(packCovers(pack({ id: 1n, acquiredAt: cst('2024-03-10T11:00:00.001') }), 'basic.selfie', at)).toBe(true);
    expect(packCovers(pack({ id: 1n, acquiredAt: cst('2024-03-10T23:59:59.999') }), 'basic.selfie', at)).toBe(true);
    expect(packCovers(pack({ id: 1n, acquiredAt: cst('2024-03-11T00:00:00') }), 'basic.selfie', at)).toBe(false);
    expect(packCovers(pack({ id: 1n, acquiredAt: at }), 'basic.selfie', at)).toBe(true);
    expect(packCovers(pack({ id: 1n, expiresAt: at }), 'basic.selfie', at)).toBe(true);
    expect(packCovers(pack({ id: 1n, expiresAt: cst('2024-03-10T10:59:59.999') }), 'basic.selfie', at)).toBe(false);
  });

  it('R4.2 a pack past its expiry when the call is processed is expired, even if its status still says active', () => {
    // The gift expired at 11:30; the 11:00 call (made while it was valid) is processed at 12:00.
    const packs = [
      pack({ id: 1n, source: 'gift', expiresAt: cst('2024-03-10T11:30:00') }),
      pack({ id: 2n, source: 'purchase' }),
    ];
    expect(deductEvent(packs, ACTIVE, ev(), ctx())).toEqual({ outcome: 'pack', packId: 2n });
    // Processed at 11:30 exactly (validity includes the expiry instant), the gift takes it.
    expect(deductEvent(packs, ACTIVE, ev(), ctx({ now: cst('2024-03-10T11:30:00') }))).toEqual({
      outcome: 'pack',
      packId: 1n,
    });
    expect(packs.map((p) => p.used)).toEqual([1, 1]);
  });

  it('R4.3 a late event of day D arriving after a pack delivered later on D is deducted from it', () => {
    // Delivered 14:30, the 09:30 call of the same day arrives afterwards: the pack takes it.
    const packs = [pack({ id: 1n, acquiredAt: cst('2024-03-10T14:30:00') })];
    const late = ev({ occurredAt: cst('2024-03-10T09:30:00') });
    expect(deductEvent(packs, ACTIVE, late, ctx({ now: cst('2024-03-10T15:00:00') }))).toEqual({
      outcome: 'pack',
      packId: 1n,
    });
    expect(packs[0]?.used).toBe(1);
  });

  it('R4.3 a call of day D−1 never goes to a pack delivered on day D (falls to postpaid)', () => {
    const packs = [pack({ id: 1n, acquiredAt: cst('2024-03-10T00:00:00') })];
    const yesterday = ev({ occurredAt: cst('2024-03-09T23:59:59.999') });
    expect(deductEvent(packs, ACTIVE, yesterday, ctx({ settledThrough: '2024-03-08' }))).toEqual({
      outcome: 'postpaid',
    });
    expect(packs[0]?.used).toBe(0);
  });

  it('R4.2 R4.3 among all valid packs the R4.2 order applies, packs delivered later on D included', () => {
    // A gift granted at 16:00 on D comes before a purchase of an earlier day for a 09:00 call of D.
    const packs = [
      pack({ id: 1n, source: 'purchase', acquiredAt: cst('2024-02-01T10:00:00') }),
      pack({ id: 2n, source: 'gift', acquiredAt: cst('2024-03-10T16:00:00'), expiresAt: cst('2025-03-10T16:00:00') }),
    ];
    const o = deductEvent(
      packs,
      ACTIVE,
      ev({ occurredAt: cst('2024-03-10T09:00:00') }),
      ctx({ now: cst('2024-03-10T17:00:00') }),
    );
    expect(o).toEqual({ outcome: 'pack', packId: 2n });
  });
});

describe('deduction outcomes (R4.4–R4.7)', () => {
  it('R4.4 the last call exhausts the pack, the next falls to postpaid', () => {
    const packs = [pack({ id: 1n, total: 2, used: 1 })];
    expect(deductEvent(packs, ACTIVE, ev(), ctx())).toEqual({ outcome: 'pack', packId: 1n });
    expect(packs[0]).toMatchObject({ used: 2, status: 'exhausted' });
    expect(deductEvent(packs, ACTIVE, ev(), ctx())).toEqual({ outcome: 'postpaid' });
    expect(packs[0]?.used).toBe(2);
  });

  it('R4.4 with postpaid off a call no pack can take is rejected NO_QUOTA', () => {
    const packs = [pack({ id: 1n, total: 1, used: 1, status: 'exhausted' })];
    expect(deductEvent(packs, { status: 'active', postpaidEnabled: false }, ev(), ctx())).toEqual({
      outcome: 'rejected',
      code: 'NO_QUOTA',
    });
  });

  it('R4.5 a suspended or released account refuses every call and deducts no pack', () => {
    for (const status of ['suspended', 'released'] as const) {
      const packs = [pack({ id: 1n })];
      const acct: AccountState = { status, postpaidEnabled: true };
      expect(deductEvent(packs, acct, ev(), ctx())).toEqual({ outcome: 'rejected', code: 'ACCOUNT_SUSPENDED' });
      // decision: refused even when the call would not have been billable
      expect(deductEvent(packs, acct, ev({ result: 'timeout' }), ctx())).toEqual({
        outcome: 'rejected',
        code: 'ACCOUNT_SUSPENDED',
      });
      expect(packs[0]?.used).toBe(0);
    }
  });

  it('R4.5 an account in arrears (not yet suspended) is still served from packs', () => {
    const packs = [pack({ id: 1n })];
    expect(deductEvent(packs, { status: 'arrears', postpaidEnabled: true }, ev(), ctx())).toEqual({
      outcome: 'pack',
      packId: 1n,
    });
  });

  it('R1.4 non-billable calls are free: recorded, never charged, no pack deducted', () => {
    const packs = [pack({ id: 1n })];
    for (const result of ['invalid_request', 'internal_error', 'timeout'] as const) {
      expect(deductEvent(packs, ACTIVE, ev({ result }), ctx())).toEqual({ outcome: 'free' });
    }
    expect(packs[0]?.used).toBe(0);
    for (const result of ['success', 'compare_mismatch', 'liveness_failed'] as const) {
      expect(deductEvent(packs, ACTIVE, ev({ result }), ctx())).toEqual({ outcome: 'pack', packId: 1n });
    }
    expect(packs[0]?.used).toBe(3);
  });

  it('R4.6 an event on or before the last settled day is rejected DAY_SETTLED', () => {
    const c = ctx({ settledThrough: '2024-03-09' });
    expect(deductEvent([], ACTIVE, ev({ occurredAt: cst('2024-03-09T23:59:59.999') }), c)).toEqual({
      outcome: 'rejected',
      code: 'DAY_SETTLED',
    });
    expect(deductEvent([], ACTIVE, ev({ occurredAt: cst('2024-03-10T00:00:00') }), c)).toEqual({
      outcome: 'postpaid',
    });
    expect(
      deductEvent([], ACTIVE, ev({ occurredAt: cst('2020-01-01T00:00:00') }), ctx({ settledThrough: null })),
    ).toEqual({ outcome: 'postpaid' });
  });

  it('R4.6 an event beyond now + clock skew is rejected FUTURE_EVENT', () => {
    const c = ctx({ skewMs: 60_000 });
    expect(deductEvent([], ACTIVE, ev({ occurredAt: new Date(NOW.getTime() + 60_000) }), c)).toEqual({
      outcome: 'postpaid',
    });
    expect(deductEvent([], ACTIVE, ev({ occurredAt: new Date(NOW.getTime() + 60_001) }), c)).toEqual({
      outcome: 'rejected',
      code: 'FUTURE_EVENT',
    });
  });

  it('R4.1 unknown label or resource is rejected before anything else', () => {
    const suspended: AccountState = { status: 'suspended', postpaidEnabled: true };
    expect(deductEvent([], suspended, ev({ label: 'nope', resourceId: 'nope' }), ctx())).toEqual({
      outcome: 'rejected',
      code: 'UNKNOWN_LABEL',
    });
    expect(deductEvent([], suspended, ev({ resourceId: 'nope' }), ctx())).toEqual({
      outcome: 'rejected',
      code: 'UNKNOWN_RESOURCE',
    });
  });

  it('R4.6 check order: future before settled before suspended', () => {
    const suspended: AccountState = { status: 'suspended', postpaidEnabled: true };
    const future = ev({ occurredAt: cst('2024-03-11T00:00:00') });
    expect(deductEvent([], suspended, future, ctx({ settledThrough: '2024-03-20' }))).toMatchObject({
      code: 'FUTURE_EVENT',
    });
    const settled = ev({ occurredAt: cst('2024-03-01T00:00:00') });
    expect(deductEvent([], suspended, settled, ctx())).toMatchObject({ code: 'DAY_SETTLED' });
  });

  it('R4.1 a re-sent event id is a duplicate with no effect, also within one batch', () => {
    const packs = [pack({ id: 1n })];
    const seen = new Set<string>();
    const e = ev();
    expect(deductBatch(packs, ACTIVE, [e, e], ctx(), seen)).toEqual([
      { outcome: 'pack', packId: 1n },
      { outcome: 'duplicate' },
    ]);
    expect(deductBatch(packs, ACTIVE, [e], ctx(), seen)).toEqual([{ outcome: 'duplicate' }]);
    expect(packs[0]?.used).toBe(1);
  });

  it('R4.1 a rejected event id is recorded too: re-sending it later stays a no-op', () => {
    const seen = new Set<string>();
    const e = ev({ occurredAt: new Date(NOW.getTime() + 3_600_000) });
    expect(deductBatch([], ACTIVE, [e], ctx(), seen)).toEqual([{ outcome: 'rejected', code: 'FUTURE_EVENT' }]);
    const later = ctx({ now: new Date(NOW.getTime() + 7_200_000) });
    expect(deductBatch([], ACTIVE, [e], later, seen)).toEqual([{ outcome: 'duplicate' }]);
  });
});

// ---- property tests (R4.2, R4.4, R4.7) -----------------------------------------------------

const LABELS = ['basic.selfie', 'basic.authority', 'ghost.label'] as const;
const RESOURCES = ['app-1', 'app-2', 'ghost-app'] as const;
const T0 = cst('2024-03-01T00:00:00').getTime();
const H = 3_600_000;

const packArb = fc.record({
  label: fc.constantFrom('basic.selfie', 'basic.authority'),
  source: fc.constantFrom('gift', 'purchase') as fc.Arbitrary<'gift' | 'purchase'>,
  status: fc.constantFrom('active', 'active', 'active', 'expired', 'refunded') as fc.Arbitrary<PackState['status']>,
  total: fc.integer({ min: 1, max: 6 }),
  acquiredH: fc.integer({ min: 0, max: 200 }),
  lifeH: fc.integer({ min: 0, max: 300 }),
});

const eventArb = fc.record({
  id: fc.integer({ min: 0, max: 40 }).map((n) => `ev-${n}`),
  label: fc.constantFrom(...LABELS),
  resourceId: fc.constantFrom(...RESOURCES),
  result: fc.constantFrom(...USAGE_RESULTS),
  occurredAtMs: fc.integer({ min: T0, max: T0 + 300 * H }),
});

const worldArb = fc.record({
  packs: fc.array(packArb, { maxLength: 8 }),
  events: fc.array(eventArb, { maxLength: 60 }),
  account: fc.record({
    status: fc.constantFrom('active', 'arrears', 'suspended', 'released') as fc.Arbitrary<AccountState['status']>,
    postpaidEnabled: fc.boolean(),
  }),
  settledOffsetDays: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
});

type ArbValue<A> = A extends fc.Arbitrary<infer T> ? T : never;

function buildPacks(specs: ArbValue<typeof packArb>[]): PackState[] {
  return specs.map((s, i) => ({
    id: BigInt(100 - i), // ids not in array order, so the id tie-break matters
    label: s.label,
    source: s.source,
    status: s.status,
    total: s.total,
    used: 0,
    acquiredAt: new Date(T0 + s.acquiredH * H),
    expiresAt: new Date(T0 + (s.acquiredH + s.lifeH) * H),
  }));
}

const clone = (ps: PackState[]): PackState[] => ps.map((p) => ({ ...p }));

describe('deduction properties (R4.2, R4.7)', () => {
  it('R4.7 property: billable accepted events land exactly once, counts stay in [0, total], the pack is the R4.2 minimum, replay is all duplicate', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const packs = buildPacks(w.packs);
        const c = ctx({
          now: new Date(T0 + 250 * H),
          settledThrough: w.settledOffsetDays === null ? null : `2024-03-0${1 + w.settledOffsetDays}`,
        });
        const events = w.events.map((e) => ({
          id: e.id,
          label: e.label,
          resourceId: e.resourceId,
          result: e.result,
          occurredAt: new Date(e.occurredAtMs),
        }));
        // R4.2 a pack past its expiry when the call is processed (c.now) is expired whatever its status.
        const live = (p: PackState) => p.expiresAt.getTime() >= c.now.getTime();
        const seen = new Set<string>();
        const outcomes: Outcome[] = [];
        // Process one at a time so each choice can be checked against the state just before it.
        for (const e of events) {
          const before = clone(packs);
          const [o] = deductBatch(packs, w.account, [e], c, seen);
          if (o === undefined) throw new Error('no outcome');
          outcomes.push(o);
          if (o.outcome === 'pack') {
            const candidates = before
              .filter((p) => live(p) && packCovers(p, e.label, e.occurredAt))
              .sort(comparePacksForDeduction);
            expect(candidates[0]?.id).toBe(o.packId);
            expect(isBillable(e.result)).toBe(true);
          }
          if (o.outcome === 'postpaid') {
            expect(before.some((p) => live(p) && packCovers(p, e.label, e.occurredAt))).toBe(false);
            expect(w.account.postpaidEnabled).toBe(true);
          }
          const changed = packs.filter((p, i) => p.used !== before[i]?.used);
          expect(changed.length).toBe(o.outcome === 'pack' ? 1 : 0);
        }
        // Each accepted billable event is counted exactly once: pack deductions sum to the packs' used.
        const perPack = new Map<bigint, number>();
        for (const o of outcomes) if (o.outcome === 'pack') perPack.set(o.packId, (perPack.get(o.packId) ?? 0) + 1);
        for (const p of packs) {
          expect(p.used).toBe(perPack.get(p.id) ?? 0);
          expect(p.used).toBeGreaterThanOrEqual(0);
          expect(p.used).toBeLessThanOrEqual(p.total);
          if (p.used === p.total && w.packs.length > 0 && perPack.has(p.id)) expect(p.status).toBe('exhausted');
        }
        const firstOfId = new Set<string>();
        events.forEach((e, i) => {
          const o = outcomes[i];
          const dup = firstOfId.has(e.id);
          firstOfId.add(e.id);
          expect(o?.outcome === 'duplicate').toBe(dup);
        });
        // Replay: nothing changes.
        const snapshot = clone(packs);
        const replay = deductBatch(packs, w.account, events, c, seen);
        expect(replay.every((o) => o.outcome === 'duplicate')).toBe(true);
        expect(packs).toEqual(snapshot);
      }),
      { numRuns: 300 },
    );
  });
});
