import { describe, expect, it } from 'vitest';
import type { PackState } from './deduction.ts';
import { type DailyCalls, type ForecastInput, forecastLabel, weekdayOf } from './forecast.ts';
import { formatAmount, parseMoney } from './money.ts';
import { testPack } from './test-packs.ts';
import { addDays, endOfCstDay } from './time.ts';

// 2026-11-23 is a Monday.
const TODAY = '2026-11-23';
const history = (f: (i: number, date: string) => number, days = 30): DailyCalls[] =>
  Array.from({ length: days }, (_, i) => {
    const date = addDays(TODAY, i - days);
    return { date, calls: f(i, date) };
  });
const pack = (p: Partial<PackState> & Pick<PackState, 'id' | 'total'>) => testPack('a', p);
const input = (o: Partial<ForecastInput>): ForecastInput => ({
  today: TODAY,
  history: [],
  todaySoFar: 0,
  packs: [],
  unitPrice: parseMoney('1.2'),
  postpaidEnabled: true,
  horizon: addDays(TODAY, 60),
  ...o,
});

describe('burn-down forecast on synthetic histories', () => {
  it('weekdayOf: 2026-11-23 is a Monday', () => {
    expect(weekdayOf(TODAY)).toBe(1);
    expect(weekdayOf('2026-11-22')).toBe(0);
  });

  it('flat: 100 calls a day empty a 1,000-call pack on the 10th day (today + 9)', () => {
    const f = forecastLabel(input({ history: history(() => 100), packs: [pack({ id: 1n, total: 1_000 })] }));
    expect(f.trendPerDay).toBe('0.00');
    expect(f.weekdays.every((w) => w.average === '100.00')).toBe(true);
    expect(f.packs[0]?.runOutDate).toBe(addDays(TODAY, 9));
    expect(f.packs[0]?.expiringUnused).toBe(0);
    expect(f.postpaidFrom).toBe(addDays(TODAY, 10));
    // 61 days × 100 = 6,100 projected; 1,000 from the pack, 5,100 postpaid × 1.2 = 6,120.00.
    expect(f.projectedCalls).toBe(6_100);
    expect(f.postpaidCalls).toBe(5_100);
    expect(formatAmount(f.postpaidSpend)).toBe('6120.00');
  });

  it('flat: the calls already made today count against today', () => {
    const f = forecastLabel(
      input({ history: history(() => 100), todaySoFar: 60, packs: [pack({ id: 1n, total: 1_000 })] }),
    );
    expect(f.points[0]?.calls).toBe(40);
    // 40 + 9 × 100 = 940 by today + 9, the last 60 on today + 10.
    expect(f.packs[0]?.runOutDate).toBe(addDays(TODAY, 10));
  });

  it('R4.3 a pack delivered today (even late in the day) covers the rest of today’s projected calls', () => {
    const lateToday = new Date(`${TODAY}T23:00:00+08:00`);
    const f = forecastLabel(
      input({
        history: history(() => 100),
        todaySoFar: 30,
        packs: [pack({ id: 1n, total: 1_000, acquiredAt: lateToday, expiresAt: endOfCstDay('2027-11-23') })],
      }),
    );
    expect(f.points[0]).toMatchObject({ date: TODAY, calls: 70, postpaidCalls: 0, remaining: [930] });
    expect(f.postpaidFrom).toBe(addDays(TODAY, 10));
  });

  it('growing: 10, 20, … 300 calls a day; the trend (+10/day) is followed and the pack runs out on today + 3', () => {
    const f = forecastLabel(input({ history: history((i) => 10 * (i + 1)), packs: [pack({ id: 1n, total: 1_000 })] }));
    expect(f.trendPerDay).toBe('10.00');
    // Projected: 310 today, then 320, 330, 340 … → 310 + 320 + 330 = 960 < 1,000 ≤ 1,300.
    expect(f.points.slice(0, 4).map((p) => p.calls)).toEqual([310, 320, 330, 340]);
    expect(f.packs[0]?.runOutDate).toBe(addDays(TODAY, 3));
  });

  it('growing: the trend is held after 30 days, never extrapolated for a year', () => {
    const f = forecastLabel(input({ history: history((i) => 10 * (i + 1)), horizon: addDays(TODAY, 90) }));
    // History index 30 is today; the trend stops at index 60 → 610 calls a day from today + 30 on.
    expect(f.points[30]?.calls).toBe(610);
    expect(f.points[90]?.calls).toBe(610);
  });

  it('weekly cycle: 100 on weekdays, none at weekends; the 1,000-call pack runs out on the second Friday', () => {
    const cycle = (_: number, date: string) => (weekdayOf(date) === 0 || weekdayOf(date) === 6 ? 0 : 100);
    const f = forecastLabel(input({ history: history(cycle), packs: [pack({ id: 1n, total: 1_000 })] }));
    expect(f.trendPerDay).toBe('0.00');
    expect(f.weekdays.find((w) => w.weekday === 6)?.average).toBe('0.00');
    expect(f.weekdays.find((w) => w.weekday === 3)?.average).toBe('100.00');
    // Mon–Fri 500, weekend 0, Mon–Fri 500 → empty on Friday 2026-12-04.
    expect(f.packs[0]?.runOutDate).toBe('2026-12-04');
    expect(f.points.find((p) => p.date === '2026-12-05')?.calls).toBe(0);
  });

  it('a declining history never projects negative calls', () => {
    const f = forecastLabel(input({ history: history((i) => Math.max(0, 300 - 20 * i)) }));
    expect(f.points.every((p) => p.calls >= 0)).toBe(true);
    expect(f.points.at(-1)?.calls).toBe(0);
  });

  it('no history: nothing projected, the pack does not run out and expires with all its calls', () => {
    const f = forecastLabel(
      input({
        packs: [pack({ id: 1n, total: 500, expiresAt: endOfCstDay(addDays(TODAY, 20)) })],
        horizon: addDays(TODAY, 30),
      }),
    );
    expect(f.packs[0]?.runOutDate).toBeNull();
    expect(f.packs[0]?.expiringUnused).toBe(500);
    expect(f.postpaidCalls).toBe(0);
    expect(f.method.en).toMatch(/no usage/);
  });

  it('R4.2 packs are used in deduction order: the gift pack first, then the earliest expiry; R3.2 leftovers expire', () => {
    const late = pack({ id: 1n, total: 1_000, expiresAt: endOfCstDay(addDays(TODAY, 100)) });
    const early = pack({ id: 2n, total: 1_000, expiresAt: endOfCstDay(addDays(TODAY, 30)) });
    const gift = pack({ id: 3n, total: 300, source: 'gift', expiresAt: endOfCstDay(addDays(TODAY, 200)) });
    const f = forecastLabel(
      input({ history: history(() => 10), packs: [late, early, gift], horizon: addDays(TODAY, 120) }),
    );
    expect(f.packs.map((p) => p.id)).toEqual([3n, 2n, 1n]);
    // 10 a day: the gift pack (300) lasts 30 days (today … today + 29).
    expect(f.packs[0]?.runOutDate).toBe(addDays(TODAY, 29));
    // The early pack gets only its expiry day (today + 30): 10 calls, 990 expire unused.
    expect(f.packs[1]?.runOutDate).toBeNull();
    expect(f.packs[1]?.expiringUnused).toBe(990);
    // The late pack takes today + 31 … today + 100 = 70 days × 10 = 700; 300 expire unused.
    expect(f.packs[2]?.expiringUnused).toBe(300);
    expect(f.postpaidFrom).toBe(addDays(TODAY, 101));
    expect(f.postpaidCalls).toBe(200);
  });

  it('R4.4 with postpaid off the overflow is refused, not charged', () => {
    const f = forecastLabel(input({ history: history(() => 100), postpaidEnabled: false }));
    expect(f.postpaidCalls).toBe(0);
    expect(f.refusedCalls).toBe(6_100);
    expect(f.postpaidSpend).toBe(0n);
  });

  it('weekday averages are exact fractions: a 5-sample weekday and a 4-sample one', () => {
    // 30 days ending Sunday 2026-11-22 start on Saturday 2026-10-24: Saturdays and Sundays have 5 samples.
    const f = forecastLabel(input({ history: history((i) => i % 3) }));
    expect(f.weekdays.reduce((a, w) => a + w.samples, 0)).toBe(30);
    expect(f.weekdays.filter((w) => w.samples === 5).map((w) => w.weekday)).toEqual([0, 6]);
    // The running total is floored, so the whole calls handed out never exceed the exact sum.
    const sum = f.points.reduce((a, p) => a + p.calls, 0);
    expect(sum).toBe(f.projectedCalls);
  });

  it('refuses a broken history, a horizon before today and one too far ahead', () => {
    expect(() => forecastLabel(input({ history: [{ date: '2026-01-01', calls: 1 }] }))).toThrow(/contiguous/);
    expect(() => forecastLabel(input({ horizon: addDays(TODAY, -1) }))).toThrow(/before today/);
    expect(() => forecastLabel(input({ horizon: addDays(TODAY, 5000) }))).toThrow(/days ahead/);
  });
});
