import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BillingLabel, parseCatalogTsv } from './catalog.ts';
import { formatAmount, type Money, parseMoney } from './money.ts';
import {
  byHandMix,
  cheapestMix,
  fewestPacksMix,
  greedyMix,
  percentOf,
  planPurchases,
  planWindows,
  priceMix,
  tierPlusPostpaidMix,
} from './planner.ts';
import { priceLine } from './settlement.ts';

// Lines of shared/data/catalog.tsv (R1.1), embedded: the billing package does no I/O.
const catalog = parseCatalogTsv(
  [
    'code\tproduct\tname_zh\tname_en\tpostpaid_unit_price_cny\tpacks (calls:price_cny)\tfree_trial_calls',
    'enhanced.authority.wechat\tenhanced\t增强版人脸核身(权威库)-微信\tEnhanced Face Verification (authoritative DB) - WeChat\t1.2\t1000:1150,10000:11000,100000:100000,200000:180000,500000:400000,1000000:800000\t100',
    'basic.selfie\tbasic\t基础版人脸核身(自传照片)\tBasic Face Verification (uploaded photo)\t0.15\t1000:145,10000:1200,100000:11500,200000:22000,500000:52500,1000000:100000\t100',
    'eid.authority\teid\tE证通(权威库)\teID Verification (authoritative DB)\t1.5\t1000:1400,5000:6500,10000:12000,100000:100000,500000:450000,1000000:800000\t100*',
    'bankcard.basic\trealname\t银行卡基础信息查询\tBank card basic information lookup\t0.3\t1000:280,10000:2700,100000:26000,200000:36000\t0',
    'risk.face\trisk\t人脸安全风险识别服务\tFace security risk detection\t0.0035\t\t0',
  ].join('\n'),
);
const label = (code: string): BillingLabel => {
  const l = catalog.find((c) => c.code === code);
  if (!l) throw new Error(code);
  return l;
};
const EA = label('enhanced.authority.wechat');
const mix = (p: { packs: { size: number; quantity: number }[] }) => p.packs.map((l) => [l.size, l.quantity]);

describe('pack planner: the rule book (R5.4)', () => {
  it('R5.4 300,000 calls a year of enhanced.authority.* as 3 × 100,000 packs cost 300,000.00', () => {
    const p = priceMix(EA, 300_000, [{ size: 100_000, quantity: 3 }]);
    expect(formatAmount(p.total)).toBe('300000.00');
    expect(p.postpaidCalls).toBe(0);
  });

  it('R5.4 300,000 calls a year: the planner finds 200,000 + 100,000 = 280,000.00, cheaper than 3 × 100,000', () => {
    const r = planPurchases(EA, { kind: 'year', calls: 300_000 });
    expect(mix(r.best)).toEqual([
      [200_000, 1],
      [100_000, 1],
    ]);
    expect(formatAmount(r.best.total)).toBe('280000.00');
    expect(r.best.postpaidCalls).toBe(0);
    expect(formatAmount(r.allPostpaid.total)).toBe('360000.00');
    expect(formatAmount(r.saving)).toBe('80000.00');
    // And no mix of the label's tiers beats it.
    expect(r.best.total).toBe(bruteForce(EA, 300_000));
  });

  it('R5.4 15,000 calls in a month: one 10,000 pack + 5,000 postpaid is 17,000.00', () => {
    const p = priceMix(EA, 15_000, [{ size: 10_000, quantity: 1 }]);
    expect(p.postpaidCalls).toBe(5_000);
    expect(formatAmount(p.postpaidAmount)).toBe('6000.00');
    expect(formatAmount(p.total)).toBe('17000.00');
    expect(p).toEqual(tierPlusPostpaidMix(EA, 15_000));
  });

  it('R5.4 15,000 calls: the planner weighs the mixes and finds 10,000 + 5 × 1,000 = 16,750.00', () => {
    expect(formatAmount(priceMix(EA, 15_000, [{ size: 10_000, quantity: 2 }]).total)).toBe('22000.00');
    expect(formatAmount(priceMix(EA, 15_000, [{ size: 1_000, quantity: 15 }]).total)).toBe('17250.00');
    const r = planPurchases(EA, { kind: 'months', months: [15_000] });
    expect(mix(r.best)).toEqual([
      [10_000, 1],
      [1_000, 5],
    ]);
    expect(formatAmount(r.best.total)).toBe('16750.00');
    expect(r.best.total).toBe(bruteForce(EA, 15_000));
    const alt = Object.fromEntries(r.alternatives.map((a) => [a.strategy, formatAmount(a.plan.total)]));
    expect(alt).toEqual({
      byHand: '100000.00', // the smallest single pack that covers 15,000 is the 100,000 pack
      greedy: '16750.00',
      tierPlusPostpaid: '17000.00',
      fewestPacks: '100000.00', // one pack covers it all
    });
  });

  it('R1.1 a postpaid-only label plans all postpaid; R1.2 4-decimal prices round once at the line', () => {
    const r = planPurchases(label('risk.face'), { kind: 'year', calls: 1_000 });
    expect(r.best.packs).toEqual([]);
    expect(formatAmount(r.best.total)).toBe('3.50');
    expect(formatAmount(planPurchases(label('risk.face'), { kind: 'year', calls: 1_001 }).best.total)).toBe('3.50');
    expect(r.saving).toBe(0n);
  });

  it('zero calls cost nothing and buy nothing', () => {
    const r = planPurchases(EA, { kind: 'year', calls: 0 });
    expect(r.best.total).toBe(0n);
    expect(r.alternatives.every((a) => a.plan.total === 0n)).toBe(true);
  });

  it('buys a pack that is bigger than needed when that is cheaper (900 calls → one 1,000 pack)', () => {
    const p = cheapestMix(EA, 990);
    expect(mix(p)).toEqual([[1_000, 1]]);
    expect(p.unusedCalls).toBe(10);
    expect(formatAmount(p.total)).toBe('1150.00');
    // …but 950 calls are cheaper postpaid (1,140.00 < 1,150.00).
    expect(cheapestMix(EA, 950).packs).toEqual([]);
  });
});

describe('pack planner: validity windows (R3.2)', () => {
  it('R3.2 plans per 12-month window: packs bought in year 1 never cover year 2', () => {
    const months = [...Array(12).fill(1_000), ...Array(12).fill(1_000)];
    const w = planWindows({ kind: 'months', months });
    expect(w.map((x) => [x.firstMonth, x.lastMonth, x.calls])).toEqual([
      [0, 11, 12_000],
      [12, 23, 12_000],
    ]);
    const r = planPurchases(EA, { kind: 'months', months });
    expect(r.windows).toHaveLength(2);
    // Each year: one 10,000 pack + 2 × 1,000 = 13,300.00; not one 100,000 pack for both years.
    expect(r.windows.map((x) => formatAmount(x.best.total))).toEqual(['13300.00', '13300.00']);
    expect(formatAmount(r.best.total)).toBe('26600.00');
    expect(mix(r.best)).toEqual([
      [10_000, 2],
      [1_000, 4],
    ]);
  });

  it('refuses more than 24 months, an empty forecast and negative or fractional calls', () => {
    expect(() => planWindows({ kind: 'months', months: Array(25).fill(1) })).toThrow(/1 to 24 months/);
    expect(() => planWindows({ kind: 'months', months: [] })).toThrow();
    expect(() => planWindows({ kind: 'year', calls: -1 })).toThrow();
    expect(() => planWindows({ kind: 'months', months: [1.5] })).toThrow();
  });

  it('percentOf gives the saving in percent, 2 decimals half-up', () => {
    expect(percentOf(parseMoney('80000'), parseMoney('360000'))).toBe('22.22');
    expect(percentOf(parseMoney('-1'), parseMoney('3'))).toBe('-33.33');
    expect(percentOf(0n, 0n)).toBe('0.00');
  });
});

/**
 * Every quantity vector, priced directly: the reference optimum. More than ceil(calls / size) packs of
 * one tier is never useful (that many cover every call alone), so each tier is tried up to that.
 */
function bruteForce(l: BillingLabel, calls: number): Money {
  let best: Money | null = null;
  const q = new Array(l.tiers.length).fill(0);
  const visit = (i: number) => {
    if (i === l.tiers.length) {
      let cap = 0;
      let cost = 0n;
      l.tiers.forEach((t, j) => {
        cap += t.size * (q[j] ?? 0);
        cost += t.price * BigInt(q[j] ?? 0);
      });
      const total = cost + priceLine(l.unitPrice, Math.max(0, calls - cap));
      if (best === null || total < best) best = total;
      return;
    }
    const t = l.tiers[i];
    const maxEach = t ? Math.ceil(calls / t.size) : 0;
    for (let n = 0; n <= maxEach; n++) {
      q[i] = n;
      visit(i + 1);
    }
  };
  visit(0);
  if (best === null) throw new Error('no plan');
  return best;
}

const arbLabel = fc
  .record({
    unit: fc.integer({ min: 1, max: 40_000 }), // 0.0001 … 4.0000 per call
    tiers: fc.uniqueArray(
      fc.record({ size: fc.integer({ min: 1, max: 12 }), price: fc.integer({ min: 1, max: 60 }) }),
      { minLength: 0, maxLength: 3, selector: (t) => t.size },
    ),
  })
  .map(
    ({ unit, tiers }): BillingLabel => ({
      code: 'x',
      product: 'x',
      nameZh: 'x',
      nameEn: 'x',
      unitPrice: BigInt(unit),
      // Pack prices in whole cents, as in the catalogue.
      tiers: tiers.map((t) => ({ size: t.size, price: BigInt(t.price) * 100n })),
      trialCalls: 0,
      trialRule: 'none',
    }),
  );

describe('pack planner vs brute force (property)', () => {
  it('the knapsack optimum equals the brute-force optimum on random small cases', () => {
    fc.assert(
      fc.property(arbLabel, fc.integer({ min: 0, max: 40 }), (l, calls) => {
        const p = cheapestMix(l, calls);
        expect(p.total).toBe(bruteForce(l, calls));
        // The plan is priced honestly: what it says equals pricing its own mix.
        expect(priceMix(l, calls, p.packs)).toEqual(p);
        expect(p.packCalls + p.postpaidCalls).toBe(calls);
      }),
      { numRuns: 300 },
    );
  });

  it('no alternative is ever cheaper than the optimum; fewest packs covers every call', () => {
    fc.assert(
      fc.property(arbLabel, fc.integer({ min: 0, max: 200 }), (l, calls) => {
        const best = cheapestMix(l, calls);
        for (const f of [byHandMix, greedyMix, tierPlusPostpaidMix, fewestPacksMix]) {
          expect(best.total <= f(l, calls).total).toBe(true);
        }
        if (l.tiers.length > 0) expect(fewestPacksMix(l, calls).postpaidCalls).toBe(0);
        expect(best.total <= priceMix(l, calls, []).total).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('over windows, the total is the sum of the windows', () => {
    fc.assert(
      fc.property(arbLabel, fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 24 }), (l, months) => {
        const r = planPurchases(l, { kind: 'months', months });
        expect(r.best.total).toBe(r.windows.reduce((s, w) => s + w.best.total, 0n));
        expect(r.calls).toBe(months.reduce((a, b) => a + b, 0));
      }),
      { numRuns: 100 },
    );
  });
});

describe('pack planner: the whole catalogue', () => {
  it('plans 1,234,567 calls of catalogue labels quickly and never worse than all postpaid', () => {
    for (const l of catalog) {
      const r = planPurchases(l, { kind: 'year', calls: 1_234_567 });
      expect(r.saving >= 0n).toBe(true);
    }
  });
});
