import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCatalogTsv } from './catalog.ts';
import type { PackState } from './deduction.ts';
import { type DailyCalls, type ForecastInput, forecastLabel } from './forecast.ts';
import { parseMoney } from './money.ts';
import {
  addMonthsToDate,
  forecastMonthRanges,
  forecastMonthsHorizon,
  monthsFromForecast,
} from './plan-from-forecast.ts';
import { planPurchases } from './planner.ts';
import { testPack } from './test-packs.ts';
import { addDays, endOfCstDay } from './time.ts';

// A line of shared/data/catalog.tsv (R1.1), embedded: the billing package does no I/O.
const [IDENTITY_BASIC] = parseCatalogTsv(
  [
    'code\tproduct\tname_zh\tname_en\tpostpaid_unit_price_cny\tpacks (calls:price_cny)\tfree_trial_calls',
    'identity.basic\trealname\t身份信息核验\tIdentity information check\t0.3\t1000:300,10000:2800,100000:26000,200000:48000,500000:115000,1000000:220000\t0',
  ].join('\n'),
);
if (!IDENTITY_BASIC) throw new Error('catalog line');

// 2026-11-23 is a Monday.
const TODAY = '2026-11-23';
const history = (f: (i: number) => number, today = TODAY, days = 30): DailyCalls[] =>
  Array.from({ length: days }, (_, i) => ({ date: addDays(today, i - days), calls: f(i) }));
const pack = (p: Partial<PackState> & Pick<PackState, 'id' | 'total'>) => testPack('identity.basic', p);
const forecast = (o: Partial<ForecastInput> & { months?: number }) => {
  const today = o.today ?? TODAY;
  const months = o.months ?? 12;
  return forecastLabel({
    today,
    history: [],
    todaySoFar: 0,
    packs: [],
    unitPrice: parseMoney('0.3'),
    postpaidEnabled: true,
    horizon: forecastMonthsHorizon(today, months),
    ...o,
  });
};
/** Days in [from, to], both inclusive. */
const daysIn = (from: string, to: string): number => {
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) n++;
  return n;
};

describe('month boundaries of the "from history" planner source', () => {
  it('addMonthsToDate keeps the day of the month and clamps it at the end of a shorter month', () => {
    expect(addMonthsToDate('2026-11-23', 1)).toBe('2026-12-23');
    expect(addMonthsToDate('2026-11-23', 2)).toBe('2027-01-23');
    expect(addMonthsToDate('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsToDate('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsToDate('2026-01-31', 2)).toBe('2026-03-31');
    expect(addMonthsToDate('2026-01-31', 3)).toBe('2026-04-30');
    expect(addMonthsToDate('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonthsToDate('2026-12-15', 12)).toBe('2027-12-15');
    expect(() => addMonthsToDate('2026-02-30', 1)).toThrow(/YYYY-MM-DD/);
  });

  it('today 2026-01-31: months are counted from today, so the end-of-month clamp never drifts', () => {
    const r = forecastMonthRanges('2026-01-31', 4);
    expect(r).toEqual([
      { index: 0, from: '2026-01-31', to: '2026-02-27' },
      { index: 1, from: '2026-02-28', to: '2026-03-30' },
      { index: 2, from: '2026-03-31', to: '2026-04-29' },
      { index: 3, from: '2026-04-30', to: '2026-05-30' },
    ]);
    expect(forecastMonthsHorizon('2026-01-31', 4)).toBe('2026-05-30');
  });

  it('the months tile the year without a gap or an overlap: 12 months from any day are 365 or 366 days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 366 }), (offset) => {
        const today = addDays('2026-01-01', offset);
        const r = forecastMonthRanges(today, 12);
        expect(r[0]?.from).toBe(today);
        for (let i = 1; i < r.length; i++) expect(r[i]?.from).toBe(addDays(r[i - 1]?.to ?? '', 1));
        const days = r.reduce((a, m) => a + daysIn(m.from, m.to), 0);
        expect(days).toBe(daysIn(today, addDays(addMonthsToDate(today, 12), -1)));
        expect([365, 366]).toContain(days);
      }),
    );
  });

  it('refuses 0 or more than 24 months', () => {
    expect(() => forecastMonthRanges(TODAY, 0)).toThrow(/1 to 24 months/);
    expect(() => forecastMonthRanges(TODAY, 25)).toThrow(/1 to 24 months/);
  });
});

describe('monthsFromForecast: what the existing packs will not cover, per month', () => {
  it('flat 100 calls a day and no pack: each month is its days × 100, all of it to plan', () => {
    const m = monthsFromForecast(forecast({ history: history(() => 100) }), 3);
    // 11-23 … 12-22 (30 days), 12-23 … 01-22 (31), 01-23 … 02-22 (31).
    expect(m.months).toEqual([
      { index: 0, from: '2026-11-23', to: '2026-12-22', projectedCalls: 3_000, coveredByPacks: 0, toPlan: 3_000 },
      { index: 1, from: '2026-12-23', to: '2027-01-22', projectedCalls: 3_100, coveredByPacks: 0, toPlan: 3_100 },
      { index: 2, from: '2027-01-23', to: '2027-02-22', projectedCalls: 3_100, coveredByPacks: 0, toPlan: 3_100 },
    ]);
    expect([m.projectedCalls, m.coveredByPacks, m.toPlan]).toEqual([9_200, 0, 9_200]);
    const year = monthsFromForecast(forecast({ history: history(() => 100) }), 12);
    // 2026-11-23 … 2027-11-22 is 365 days.
    expect(year.toPlan).toBe(36_500);
    expect(year.months.map((x) => x.toPlan)).toEqual(year.months.map((x) => daysIn(x.from, x.to) * 100));
  });

  it('an existing pack with 1,800 left (2,000 − 200 used) reduces the first month by exactly 1,800', () => {
    const f = forecast({ history: history(() => 100), packs: [pack({ id: 1n, total: 2_000, used: 200 })] });
    const m = monthsFromForecast(f, 3);
    expect(m.months.map((x) => [x.projectedCalls, x.coveredByPacks, x.toPlan])).toEqual([
      [3_000, 1_800, 1_200],
      [3_100, 0, 3_100],
      [3_100, 0, 3_100],
    ]);
    expect(m.coveredByPacks).toBe(1_800);
    expect(m.toPlan).toBe(9_200 - 1_800);
  });

  it('packs that outlast month 0 spill into month 1; a gift pack first (R4.2); the planner buys for the rest', () => {
    const f = forecast({
      history: history(() => 100),
      packs: [pack({ id: 1n, total: 3_000 }), pack({ id: 2n, total: 500, source: 'gift' })],
    });
    const m = monthsFromForecast(f, 12);
    expect(m.months[0]?.toPlan).toBe(0);
    expect(m.months[1]).toMatchObject({ coveredByPacks: 500, toPlan: 2_600 });
    expect(m.coveredByPacks).toBe(3_500);
    expect(m.toPlan).toBe(36_500 - 3_500);
    // The plan over the horizon is made for exactly the uncovered calls.
    const p = planPurchases(IDENTITY_BASIC, { kind: 'months', months: m.months.map((x) => x.toPlan) });
    expect(p.calls).toBe(33_000);
    // 3 × 10,000 = 8,400.00 + 3,000 postpaid × 0.3 = 900.00 → 9,300.00 (vs 9,900.00 all postpaid).
    expect(p.best.packs.map((l) => [l.size, l.quantity])).toEqual([[10_000, 3]]);
    expect(p.best.total).toBe(parseMoney('9300'));
  });

  it('R3.2 a pack expiring mid-horizon: its calls are covered until its expiry day, then the rest is to plan again', () => {
    // 10 calls a day; the pack (1,000) expires on 2027-01-10, long before it runs out.
    const f = forecast({
      history: history(() => 10),
      packs: [pack({ id: 1n, total: 1_000, expiresAt: endOfCstDay('2027-01-10') })],
    });
    const m = monthsFromForecast(f, 3);
    // Month 0 (30 days) fully covered; month 1: 12-23 … 01-10 covered (19 days), 01-11 … 01-22 (12 days) to plan.
    expect(m.months.map((x) => [x.coveredByPacks, x.toPlan])).toEqual([
      [300, 0],
      [190, 120],
      [0, 310],
    ]);
  });

  it('R4.4 with postpaid off the refused calls are planned too (a bought pack would serve them)', () => {
    const f = forecast({
      history: history(() => 100),
      postpaidEnabled: false,
      packs: [pack({ id: 1n, total: 1_000 })],
    });
    expect(f.postpaidCalls).toBe(0);
    const m = monthsFromForecast(f, 1);
    expect(m.months[0]).toMatchObject({ projectedCalls: 3_000, coveredByPacks: 1_000, toPlan: 2_000 });
  });

  it('the calls already made today are not planned again: month 0 holds the rest of today', () => {
    const m = monthsFromForecast(forecast({ history: history(() => 100), todaySoFar: 40 }), 1);
    expect(m.months[0]?.projectedCalls).toBe(2_960);
  });

  it('R4.3 today’s calls that already went postpaid are planned in month 0: a pack bought now covers them', () => {
    const f = forecast({ history: history(() => 100), todaySoFar: 40 });
    const m = monthsFromForecast(f, 2, 25);
    const plain = monthsFromForecast(f, 2);
    expect(m.months[0]?.toPlan).toBe((plain.months[0]?.toPlan ?? 0) + 25);
    expect(m.months[0]?.projectedCalls).toBe((plain.months[0]?.projectedCalls ?? 0) + 25);
    expect(m.months[1]).toEqual(plain.months[1]);
    expect(m.toPlan).toBe(plain.toPlan + 25);
    expect(m.method.en).toMatch(/25 calls already made today .* \(R4\.3\)/);
    expect(() => monthsFromForecast(f, 1, -1)).toThrow(/todayPostpaid/);
  });

  it('no usage in the last 30 days: nothing projected, nothing to plan', () => {
    const m = monthsFromForecast(forecast({ history: history(() => 0), packs: [pack({ id: 1n, total: 500 })] }), 12);
    expect([m.projectedCalls, m.coveredByPacks, m.toPlan]).toEqual([0, 0, 0]);
    expect(m.months).toHaveLength(12);
    expect(m.method.en).toMatch(/^There are no calls of this label in the last 30 days/);
    expect(m.method.zh).toMatch(/^该计费标签近 30 天没有调用/);
  });

  it('for any history and packs: covered + to plan = projected per month, and the months add up to the forecast', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 0, maxLength: 30 }),
        fc.array(
          fc.record({
            total: fc.integer({ min: 1, max: 20_000 }),
            days: fc.integer({ min: 0, max: 400 }),
            gift: fc.boolean(),
          }),
          { maxLength: 4 },
        ),
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        (calls, packs, months, postpaid) => {
          const f = forecast({
            history: history((i) => calls[i] ?? 0, TODAY, calls.length),
            packs: packs.map((p, i) =>
              pack({
                id: BigInt(i + 1),
                total: p.total,
                source: p.gift ? 'gift' : 'purchase',
                expiresAt: endOfCstDay(addDays(TODAY, p.days)),
              }),
            ),
            postpaidEnabled: postpaid,
            months,
          });
          const m = monthsFromForecast(f, months);
          for (const x of m.months) {
            expect(x.coveredByPacks + x.toPlan).toBe(x.projectedCalls);
            expect(x.coveredByPacks).toBeGreaterThanOrEqual(0);
            expect(x.toPlan).toBeGreaterThanOrEqual(0);
          }
          expect(m.projectedCalls).toBe(f.projectedCalls);
          expect(m.toPlan).toBe(f.postpaidCalls + f.refusedCalls);
          expect(m.coveredByPacks).toBeLessThanOrEqual(packs.reduce((a, p) => a + p.total, 0));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses a forecast that does not reach the last month', () => {
    const short = forecast({ history: history(() => 1), horizon: addDays(TODAY, 40) });
    expect(() => monthsFromForecast(short, 2)).toThrow(/ends before 2027-01-22/);
    expect(monthsFromForecast(short, 1).months).toHaveLength(1);
  });
});
