import { comparePacksForDeduction, type PackState } from './deduction.ts';
import { DomainError } from './errors.ts';
import { type Money, ZERO } from './money.ts';
import { priceLine } from './settlement.ts';
import { addDays } from './time.ts';
import { packValidity } from './validity.ts';

/**
 * Burn-down forecast (issue 9): when a label's packs run out, what expires unused, and what postpaid
 * costs after that. Pure and exact: the expected calls per day are bigint fractions, and whole calls
 * are handed out by flooring the running total, so nothing drifts over a year of days.
 *
 * Method (docs/decisions/0007-advice.md):
 *  1. Weekday profile: the average calls of each weekday over the history (the last 30 complete
 *     days; Mondays with Mondays...). With less than a week of history, the plain daily average.
 *  2. Trend: with 28+ days, the last 14 days against the 14 before give a slope in calls/day per
 *     day; each weekday's average is moved along that slope from the middle of its own samples. The
 *     slope is extended at most TREND_DAYS days past today and held after that, so a short burst
 *     is never extrapolated for a year. A projected day is never below 0.
 *  3. Today: the expected calls of today minus the calls already made today.
 *  4. The projected calls flow through the label's active packs in deduction order (R4.2: gift
 *     first, earliest expiry, earliest acquired, lowest id); a pack serves through its expiry date;
 *     what is left at expiry expires unused (R3.2); what no pack takes is postpaid (R4.4), priced as
 *     one line half-up to the cent (R5.1), or refused if postpaid is off.
 */

export const HISTORY_DAYS = 30;
export const TREND_DAYS = 30;
/** A forecast never looks further than this many days ahead. */
export const MAX_FORECAST_DAYS = 800;

export interface DailyCalls {
  date: string;
  calls: number;
}

export interface ForecastInput {
  /** The account's CST date of "now" (demo tenants: their simulated clock). */
  today: string;
  /** Billable calls of the label per complete day before today, oldest first, contiguous, ending yesterday. */
  history: readonly DailyCalls[];
  /** Billable calls of the label already made today. */
  todaySoFar: number;
  /** The label's packs; only active ones with calls left take part. */
  packs: readonly PackState[];
  unitPrice: Money;
  postpaidEnabled: boolean;
  /** Last date projected (inclusive), ≥ today. */
  horizon: string;
}

export interface PackProjection {
  id: bigint;
  remainingNow: number;
  expiresOn: string;
  /** The date the pack's last call is projected to be used; null if it outlives the horizon or its expiry. */
  runOutDate: string | null;
  /** Calls projected to be left when it expires (0 if it runs out first; null if it expires after the horizon). */
  expiringUnused: number | null;
}

export interface ForecastPoint {
  date: string;
  /** Projected billable calls of the label on this day (today: the rest of today). */
  calls: number;
  postpaidCalls: number;
  refusedCalls: number;
  /** End-of-day remaining of each pack, in the order of `packs`. */
  remaining: number[];
}

export interface WeekdayRate {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Average calls per day for this weekday, 2 decimals ("123.40"). */
  average: string;
  samples: number;
}

export interface LabelForecast {
  today: string;
  horizon: string;
  historyDays: number;
  weekdays: WeekdayRate[];
  /** Trend in calls/day per day, 2 decimals ("10.00", "-3.50"); "0.00" without 28 days of history. */
  trendPerDay: string;
  /** Projected calls from now through the horizon. */
  projectedCalls: number;
  /** Packs in deduction order (R4.2). */
  packs: PackProjection[];
  points: ForecastPoint[];
  /** First day with postpaid (or refused) calls, if any before the horizon. */
  postpaidFrom: string | null;
  postpaidCalls: number;
  postpaidSpend: Money;
  refusedCalls: number;
  method: { en: string; zh: string };
}

/** A non-negative-denominator fraction of bigints. */
interface Q {
  n: bigint;
  d: bigint;
}
const q = (n: bigint, d = 1n): Q => (d < 0n ? { n: -n, d: -d } : { n, d });
const add = (a: Q, b: Q): Q => q(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Q, b: Q): Q => q(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
const floorQ = (a: Q): bigint => {
  const f = a.n / a.d;
  return a.n < 0n && f * a.d !== a.n ? f - 1n : f;
};
const norm = (a: Q): Q => {
  let x = a.n < 0n ? -a.n : a.n;
  let y = a.d;
  while (y !== 0n) [x, y] = [y, x % y];
  return x <= 1n ? a : { n: a.n / x, d: a.d / x };
};
const ZQ: Q = q(0n);
/** A fraction as a decimal with 2 places, half away from zero. */
function fmt2(a: Q): string {
  const neg = a.n < 0n;
  const abs = neg ? -a.n : a.n;
  const c = (abs * 200n + a.d) / (2n * a.d);
  return `${neg && c > 0n ? '-' : ''}${c / 100n}.${(c % 100n).toString().padStart(2, '0')}`;
}

/** 0 = Sunday … 6 = Saturday, of a 'YYYY-MM-DD' date. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map((s) => Number.parseInt(s, 10));
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay();
}

const bad = (message: string) => new DomainError('INVALID_FORECAST', message);

/** Whole days from a to b ('YYYY-MM-DD'), b − a. */
/** A call count held as bigint, as a JS integer (counts stay far below 2^53). */
function countOf(n: bigint): number {
  return Number.parseInt(n.toString(), 10);
}

function daysBetween(a: string, b: string): number {
  const t = (s: string) => {
    const [y, m, d] = s.split('-').map((x) => Number.parseInt(x, 10));
    return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  };
  // Both are UTC midnights, so the difference is an exact number of days.
  return (t(b) - t(a)) / 86_400_000;
}

/** The expected calls of the day with history index `idx` (history[0] has index 0; today = history.length). */
function makeRate(history: readonly DailyCalls[]): {
  rate: (idx: number, weekday: number) => Q;
  weekdays: WeekdayRate[];
  trend: Q;
} {
  const n = history.length;
  const sums = Array.from({ length: 7 }, () => ({ calls: 0n, idx: 0n, k: 0n }));
  history.forEach((h, i) => {
    const s = sums[weekdayOf(h.date)];
    if (!s) return;
    s.calls += BigInt(h.calls);
    s.idx += BigInt(i);
    s.k += 1n;
  });
  const byWeekday = sums.every((s) => s.k > 0n);
  const total = history.reduce((a, h) => a + BigInt(h.calls), 0n);
  const allIdx = BigInt((n * (n - 1)) / 2);
  let trend = ZQ;
  if (n >= 28) {
    const last = history.slice(n - 14).reduce((a, h) => a + BigInt(h.calls), 0n);
    const prev = history.slice(n - 28, n - 14).reduce((a, h) => a + BigInt(h.calls), 0n);
    // Two 14-day means 14 days apart: slope = (mean2 − mean1) / 14 = (S2 − S1) / 196.
    trend = norm(q(last - prev, 196n));
  }
  const base = (w: number): { avg: Q; center: Q } => {
    const s = sums[w];
    if (byWeekday && s && s.k > 0n) return { avg: q(s.calls, s.k), center: q(s.idx, s.k) };
    if (n === 0) return { avg: ZQ, center: ZQ };
    return { avg: q(total, BigInt(n)), center: q(allIdx, BigInt(n)) };
  };
  const weekdays: WeekdayRate[] = [0, 1, 2, 3, 4, 5, 6].map((w) => ({
    weekday: w,
    average: fmt2(base(w).avg),
    samples: countOf(sums[w]?.k ?? 0n),
  }));
  const rate = (idx: number, weekday: number): Q => {
    const { avg, center } = base(weekday);
    const at = q(BigInt(Math.min(idx, n + TREND_DAYS)));
    const r = norm(add(avg, mul(trend, sub(at, center))));
    return r.n < 0n ? ZQ : r;
  };
  return { rate, weekdays, trend };
}

/** Projects a label's usage through its packs (see the method above). */
export function forecastLabel(input: ForecastInput): LabelForecast {
  const { today, history, horizon } = input;
  const span = daysBetween(today, horizon);
  if (span < 0) throw bad('the horizon is before today');
  if (span > MAX_FORECAST_DAYS) throw bad(`the horizon is more than ${MAX_FORECAST_DAYS} days ahead`);
  history.forEach((h, i) => {
    if (!Number.isSafeInteger(h.calls) || h.calls < 0) throw bad('daily calls must be non-negative integers');
    if (h.date !== addDays(today, i - history.length))
      throw bad('the history must be contiguous days ending yesterday');
  });
  if (!Number.isSafeInteger(input.todaySoFar) || input.todaySoFar < 0) throw bad('todaySoFar must be >= 0');

  const { rate, weekdays, trend } = makeRate(history);
  // R4.3 the one validity rule, in whole days: a pack serves from its delivery day (a pack delivered
  // today serves all of today) through its expiry date.
  const packs = input.packs
    .filter((p) => p.status === 'active' && p.used < p.total && packValidity(p).lastDay >= today)
    .slice()
    .sort(comparePacksForDeduction);
  const remaining = packs.map((p) => p.total - p.used);
  const validity = packs.map((p) => packValidity(p));
  const servesFrom = validity.map((v) => v.firstDay);
  const expiresOn = validity.map((v) => v.lastDay);
  const projections: PackProjection[] = packs.map((p, i) => ({
    id: p.id,
    remainingNow: remaining[i] ?? 0,
    expiresOn: expiresOn[i] ?? today,
    runOutDate: null,
    expiringUnused: null,
  }));

  const points: ForecastPoint[] = [];
  let cumulative = ZQ;
  let handedOut = 0n;
  let postpaidCalls = 0;
  let refusedCalls = 0;
  let postpaidFrom: string | null = null;
  for (let j = 0; j <= span; j++) {
    const date = addDays(today, j);
    let expected = rate(history.length + j, weekdayOf(date));
    if (j === 0) {
      expected = sub(expected, q(BigInt(input.todaySoFar)));
      if (expected.n < 0n) expected = ZQ;
    }
    cumulative = norm(add(cumulative, expected));
    const upTo = floorQ(cumulative);
    let calls = countOf(upTo - handedOut);
    handedOut = upTo;
    const dayCalls = calls;
    // R4.2: each call to the first pack in deduction order that is still valid and has calls left.
    for (let i = 0; i < packs.length && calls > 0; i++) {
      const left = remaining[i] ?? 0;
      if (left === 0 || (expiresOn[i] ?? '') < date || (servesFrom[i] ?? '') > date) continue;
      const take = Math.min(left, calls);
      remaining[i] = left - take;
      calls -= take;
      const proj = projections[i];
      if (proj && remaining[i] === 0 && proj.runOutDate === null) {
        proj.runOutDate = date;
        proj.expiringUnused = 0;
      }
    }
    let dayPostpaid = 0;
    let dayRefused = 0;
    if (calls > 0) {
      if (input.postpaidEnabled) dayPostpaid = calls;
      else dayRefused = calls;
      postpaidFrom ??= date;
    }
    postpaidCalls += dayPostpaid;
    refusedCalls += dayRefused;
    // R3.2 what is left on the expiry date expires unused.
    packs.forEach((_, i) => {
      const proj = projections[i];
      if (proj && expiresOn[i] === date && proj.runOutDate === null) {
        proj.expiringUnused = remaining[i] ?? 0;
        remaining[i] = 0;
      }
    });
    points.push({
      date,
      calls: dayCalls,
      postpaidCalls: dayPostpaid,
      refusedCalls: dayRefused,
      remaining: [...remaining],
    });
  }

  const trendText = fmt2(trend);
  const nDays = history.length;
  return {
    today,
    horizon,
    historyDays: nDays,
    weekdays,
    trendPerDay: trendText,
    projectedCalls: countOf(handedOut),
    packs: projections,
    points,
    postpaidFrom,
    postpaidCalls,
    postpaidSpend: input.postpaidEnabled ? priceLine(input.unitPrice, postpaidCalls) : ZERO,
    refusedCalls,
    method: methodText(
      nDays,
      trendText,
      weekdays.every((w) => w.samples > 0),
    ),
  };
}

function methodText(days: number, trend: string, byWeekday: boolean): { en: string; zh: string } {
  const en: string[] = [];
  const zh: string[] = [];
  if (days === 0) {
    en.push('There is no usage in the last 30 days, so no calls are projected.');
    zh.push('近 30 天没有调用量，因此预测不会再有调用。');
  } else if (byWeekday) {
    en.push(
      `We averaged this label's calls for each weekday over the last ${days} days (Mondays with Mondays, and so on).`,
    );
    zh.push(`按星期几分别计算该计费标签近 ${days} 天的平均调用量（周一与周一比，依此类推）。`);
  } else {
    en.push(`With only ${days} days of usage, we used the plain daily average.`);
    zh.push(`仅有 ${days} 天的用量，因此使用每日平均值。`);
  }
  if (days >= 28) {
    en.push(
      `The last 14 days against the 14 before give a trend of ${trend} calls a day per day; we follow it for at most ${TREND_DAYS} days, then hold it.`,
    );
    zh.push(`最近 14 天与之前 14 天相比，趋势为每天变化 ${trend} 次；该趋势最多延续 ${TREND_DAYS} 天，之后保持不变。`);
  }
  en.push(
    'The projected calls are taken from your packs in deduction order (gift packs first, then the earliest expiry, R4.2); what a pack still holds on its expiry date expires unused, and calls no pack can take go to postpaid.',
  );
  zh.push(
    '预测的调用按抵扣顺序从资源包扣除（先赠送包，再按到期时间最早，R4.2）；资源包到期时剩余的次数将作废，没有资源包可扣的调用按后付费计费。',
  );
  return { en: en.join(' '), zh: zh.join('') };
}
