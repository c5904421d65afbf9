import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverSameDay } from './coverage.ts';
import { type AccountState, type DeductionContext, deductEvent, type Outcome, type PackState } from './deduction.ts';
import { cstDate } from './time.ts';
import { latestAcquisitionCovering, packValidAt, packValidFrom, packValidity, packValidOnDay } from './validity.ts';

const cst = (s: string): Date => new Date(`${s}+08:00`);

describe('pack validity (R4.3)', () => {
  const delivered = { acquiredAt: cst('2024-03-10T14:30:00'), expiresAt: cst('2025-03-10T23:59:59.999') };

  it('R4.3 a pack delivered on day D is valid from 00:00 CST of D through its expiry', () => {
    expect(packValidFrom(delivered.acquiredAt)).toEqual(cst('2024-03-10T00:00:00'));
    expect(packValidity(delivered)).toEqual({
      from: cst('2024-03-10T00:00:00'),
      to: delivered.expiresAt,
      firstDay: '2024-03-10',
      lastDay: '2025-03-10',
    });
    expect(packValidAt(delivered, cst('2024-03-10T00:00:00'))).toBe(true);
    expect(packValidAt(delivered, cst('2024-03-10T09:30:00'))).toBe(true);
    expect(packValidAt(delivered, cst('2025-03-10T23:59:59.999'))).toBe(true);
    expect(packValidAt(delivered, cst('2025-03-11T00:00:00'))).toBe(false);
  });

  it('R4.3 calls of day D−1 are never covered by a pack delivered on D, even one delivered at 00:00', () => {
    expect(packValidAt(delivered, cst('2024-03-09T23:59:59.999'))).toBe(false);
    const midnight = { acquiredAt: cst('2024-03-10T00:00:00'), expiresAt: delivered.expiresAt };
    expect(packValidAt(midnight, cst('2024-03-09T23:59:59.999'))).toBe(false);
    // The CST day decides, not the UTC one: 07:59 CST on D is still D−1 in UTC.
    expect(packValidAt(delivered, cst('2024-03-10T07:59:00'))).toBe(true);
  });

  it('R4.3 day-granular validity: the delivery day and the expiry day are both served', () => {
    const gift = { acquiredAt: cst('2024-03-10T23:00:00'), expiresAt: cst('2025-03-10T11:00:00') };
    expect(packValidOnDay(gift, '2024-03-09')).toBe(false);
    expect(packValidOnDay(gift, '2024-03-10')).toBe(true);
    expect(packValidOnDay(gift, '2025-03-10')).toBe(true);
    expect(packValidOnDay(gift, '2025-03-11')).toBe(false);
  });

  it('R4.3 latestAcquisitionCovering is the exact SQL bound of packValidFrom(acquiredAt) <= t', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 * 86_400_000 }), fc.integer({ min: 0, max: 4 * 86_400_000 }), (a, b) => {
        const base = cst('2024-03-08T00:00:00').getTime();
        const acquiredAt = new Date(base + a);
        const t = new Date(base + b);
        const bySql = acquiredAt.getTime() <= latestAcquisitionCovering(t).getTime();
        expect(bySql).toBe(packValidFrom(acquiredAt).getTime() <= t.getTime());
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// R4.3 "Whether a call is covered never depends on the order in which events arrive": a property
// over arrival orders. One CST day D, all its events unsettled; packs that existed before D (valid all
// of D); purchases delivered at times on D (quantity ≥ 1), maybe a gift granted on D. Each ordering
// interleaves the events' arrivals with the deliveries (a delivery runs same-day coverage over the
// postpaid calls of D, exactly as deliverPacks does). Per day the pack-deducted and postpaid totals
// never depend on the order; per pack neither, when the delivered packs are purchases (a purchase
// delivered on D is always last in R4.2 order among the packs valid on D). A gift granted on D sorts
// before purchases, so calls already deducted from a purchase stay there (docs/decisions/0008):
// the per-pack split may then differ, never the totals.
// ---------------------------------------------------------------------------------------------

const DAY = '2024-03-10';
const D0 = cst(`${DAY}T00:00:00`).getTime();
const H = 3_600_000;
const ACTIVE: AccountState = { status: 'active', postpaidEnabled: true };

interface World {
  existing: { source: 'gift' | 'purchase'; total: number; used: number; acquiredDaysAgo: number }[];
  deliveries: { atMs: number; quantity: number; total: number; source: 'gift' | 'purchase' }[];
  events: { atMs: number; billable: boolean }[];
}

type Step = { kind: 'event'; i: number } | { kind: 'delivery'; k: number };

function run(w: World, order: readonly Step[]) {
  const packs: PackState[] = w.existing.map((p, i) => {
    const acquiredAt = new Date(D0 - p.acquiredDaysAgo * 24 * H + 10 * H);
    return {
      id: BigInt(i + 1),
      label: 'x',
      source: p.source,
      status: p.used >= p.total ? 'exhausted' : 'active',
      total: p.total,
      used: Math.min(p.used, p.total),
      acquiredAt,
      // Existing packs outlive day D (a pack expiring mid-D is outside this property, see above).
      expiresAt: cst('2024-06-30T23:59:59.999'),
    };
  });
  const outcomes = new Map<number, Outcome>();
  let nextId = 100;
  for (const s of order) {
    if (s.kind === 'event') {
      const e = w.events[s.i];
      if (!e) throw new Error('no event');
      const at = new Date(D0 + e.atMs);
      const ctx: DeductionContext = {
        now: new Date(D0 + 24 * H - 1),
        skewMs: 0,
        settledThrough: '2024-03-09',
        knownLabels: new Set(['x']),
        knownResources: new Set(['r']),
      };
      const o = deductEvent(
        packs,
        ACTIVE,
        { id: `e${s.i}`, label: 'x', resourceId: 'r', result: e.billable ? 'success' : 'timeout', occurredAt: at },
        ctx,
      );
      outcomes.set(s.i, o);
    } else {
      const d = w.deliveries[s.k];
      if (!d) throw new Error('no delivery');
      const acquiredAt = new Date(D0 + d.atMs);
      const fresh: PackState[] = Array.from({ length: d.quantity }, () => ({
        id: BigInt(nextId++),
        label: 'x',
        source: d.source,
        status: 'active',
        total: d.total,
        used: 0,
        acquiredAt,
        expiresAt:
          d.source === 'purchase' ? cst('2025-03-10T23:59:59.999') : new Date(acquiredAt.getTime() + 365 * 24 * H),
      }));
      packs.push(...fresh);
      const postpaid = [...outcomes.entries()]
        .filter(([, o]) => o.outcome === 'postpaid')
        .map(([i]) => ({ id: `e${i}`, occurredAt: new Date(D0 + (w.events[i]?.atMs ?? 0)) }));
      for (const m of coverSameDay(fresh, postpaid)) {
        outcomes.set(Number(m.eventId.slice(1)), { outcome: 'pack', packId: m.packId });
      }
    }
  }
  // Deliveries get ids in arrival order; name them by (delivery index, position) to compare runs.
  const perPack = new Map<string, number>();
  const name = (p: PackState): string => {
    if (p.id <= BigInt(w.existing.length)) return `existing-${p.id}`;
    const k = w.deliveries.findIndex(
      (d) => new Date(D0 + d.atMs).getTime() === p.acquiredAt.getTime() && d.source === p.source,
    );
    const same = packs.filter((q) => q.acquiredAt.getTime() === p.acquiredAt.getTime() && q.source === p.source);
    return `delivery-${k}-${same.indexOf(p)}`;
  };
  for (const p of packs) perPack.set(name(p), p.used);
  let pack = 0;
  let postpaid = 0;
  for (const o of outcomes.values()) {
    if (o.outcome === 'pack') pack++;
    if (o.outcome === 'postpaid') postpaid++;
  }
  return { pack, postpaid, perPack, packs };
}

const worldArb = (deliverySource: fc.Arbitrary<'gift' | 'purchase'>): fc.Arbitrary<World> =>
  fc.record({
    existing: fc.array(
      fc.record({
        source: fc.constantFrom('gift', 'purchase') as fc.Arbitrary<'gift' | 'purchase'>,
        total: fc.integer({ min: 1, max: 5 }),
        used: fc.integer({ min: 0, max: 5 }),
        acquiredDaysAgo: fc.integer({ min: 1, max: 30 }),
      }),
      { maxLength: 3 },
    ),
    // Distinct delivery instants (a real delivery is one instant; two at the same ms are one order).
    deliveries: fc.uniqueArray(
      fc.record({
        atMs: fc.integer({ min: 0, max: 24 * H - 1 }),
        quantity: fc.integer({ min: 1, max: 3 }),
        total: fc.integer({ min: 1, max: 6 }),
        source: deliverySource,
      }),
      { minLength: 1, maxLength: 3, selector: (d) => d.atMs },
    ),
    events: fc.array(fc.record({ atMs: fc.integer({ min: 0, max: 24 * H - 1 }), billable: fc.boolean() }), {
      minLength: 1,
      maxLength: 30,
    }),
  });

/** A random interleaving of all events and deliveries; deliveries keep their own (time) order. */
function orderArb(w: World): fc.Arbitrary<Step[]> {
  const deliveries: Step[] = w.deliveries
    .map((d, k) => ({ at: d.atMs, k }))
    .sort((a, b) => a.at - b.at)
    .map(({ k }) => ({ kind: 'delivery', k }));
  const n = w.events.length + deliveries.length;
  return fc.array(fc.nat(), { minLength: n, maxLength: n }).map((keys) => {
    const slots: Step[] = [...w.events.map((_, i) => ({ kind: 'event', i }) as Step), ...deliveries];
    const shuffled = slots.map((s, j) => ({ s, key: keys[j] ?? 0, j })).sort((a, b) => a.key - b.key || a.j - b.j);
    let d = 0;
    return shuffled.map((t) => (t.s.kind === 'delivery' ? (deliveries[d++] as Step) : t.s));
  });
}

/** The "real time" order: every event arrives at its own time, deliveries at theirs. */
function chronological(w: World): Step[] {
  const items: { at: number; s: Step }[] = [
    ...w.events.map((e, i) => ({ at: e.atMs, s: { kind: 'event', i } as Step })),
    ...w.deliveries.map((d, k) => ({ at: d.atMs, s: { kind: 'delivery', k } as Step })),
  ];
  return items.sort((a, b) => a.at - b.at).map((x) => x.s);
}

describe('arrival order (R4.3, R4.2)', () => {
  it('R4.3 property: per day and per pack, pack-deducted and postpaid counts do not depend on arrival order (purchases delivered on D)', () => {
    fc.assert(
      fc.property(
        worldArb(fc.constant('purchase')).chain((w) => fc.tuple(fc.constant(w), orderArb(w), orderArb(w))),
        ([w, a, b]) => {
          const ref = run(w, chronological(w));
          for (const order of [a, b]) {
            const r = run(w, order);
            expect(r.pack).toBe(ref.pack);
            expect(r.postpaid).toBe(ref.postpaid);
            expect(r.perPack).toEqual(ref.perPack);
          }
          // And the figures are the R4.2 fill: billable calls fill the day's packs in order, the rest is postpaid.
          const billable = w.events.filter((e) => e.billable).length;
          const room =
            ref.packs.reduce((s, p) => s + p.total, 0) - w.existing.reduce((s, p) => s + Math.min(p.used, p.total), 0);
          expect(ref.pack).toBe(Math.min(billable, room));
          expect(ref.postpaid).toBe(billable - ref.pack);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('R4.3 property: with a gift granted on D the day totals still do not depend on arrival order', () => {
    fc.assert(
      fc.property(
        worldArb(fc.constantFrom('gift', 'purchase')).chain((w) => fc.tuple(fc.constant(w), orderArb(w))),
        ([w, order]) => {
          const ref = run(w, chronological(w));
          const r = run(w, order);
          expect(r.pack).toBe(ref.pack);
          expect(r.postpaid).toBe(ref.postpaid);
          expect(cstDate(new Date(D0))).toBe(DAY);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('R4.3 all the day’s calls arriving before the delivery or all after it give the same counts', () => {
    const w: World = {
      existing: [{ source: 'purchase', total: 2, used: 0, acquiredDaysAgo: 3 }],
      deliveries: [{ atMs: 14.5 * H, quantity: 1, total: 3, source: 'purchase' }],
      events: [9, 9.5, 10, 11, 13, 15, 16].map((h) => ({ atMs: h * H, billable: true })),
    };
    const before = run(w, [...w.events.map((_, i) => ({ kind: 'event', i }) as Step), { kind: 'delivery', k: 0 }]);
    const after = run(w, [{ kind: 'delivery', k: 0 }, ...w.events.map((_, i) => ({ kind: 'event', i }) as Step)]);
    expect(before).toMatchObject({ pack: 5, postpaid: 2 });
    expect(after).toMatchObject({ pack: 5, postpaid: 2 });
    expect(before.perPack).toEqual(
      new Map([
        ['existing-1', 2],
        ['delivery-0-0', 3],
      ]),
    );
    expect(after.perPack).toEqual(before.perPack);
  });
});
