import { type DailyCalls, forecastLabel, weekdayOf } from './forecast.ts';
import { ZERO } from './money.ts';

/** R10.3 No verdict without this many days of history (the account's, before the day judged). */
export const MIN_ANOMALY_HISTORY_DAYS = 14;
/** The normal range reaches this many standard deviations of the history's weekday residuals above the expectation… */
export const ANOMALY_SIGMAS = 4;
/** …and at least this share of the expectation above it (so a perfectly regular label is not flagged for +10%)… */
export const ANOMALY_MIN_RISE = 0.5;
/** …and at least this many calls above it (so a label of a few calls a day is not flagged for a few more). */
export const ANOMALY_MIN_CALLS = 20;

export interface AnomalyVerdict {
  /** False with fewer than MIN_ANOMALY_HISTORY_DAYS of history: no verdict. */
  eligible: boolean;
  /** The weekday-aware forecast of the day's billable calls (the advice pages' method). */
  expected: number;
  /** The top of the normal range (inclusive). */
  upper: number;
  anomalous: boolean;
}

/**
 * R10.3 Is `actual` (a label's billable calls on `day`) far above what its history predicts?
 * Expected: forecastLabel's projection for `day` from `history` (the contiguous days before it, at
 * most 30: weekday averages and the 14-vs-14-day trend, decision 0007). Normal range: up to
 * expected + max(4σ, 50% of expected, 20 calls), σ being the standard deviation of the history's days
 * around their own weekday's average (the day-to-day noise the weekday profile does not explain).
 * Counts are calls, not money: floating point is fine for the statistic; the verdict is recorded with
 * whole calls.
 */
export function judgeUsageDay(day: string, history: readonly DailyCalls[], actual: number): AnomalyVerdict {
  if (history.length < MIN_ANOMALY_HISTORY_DAYS) return { eligible: false, expected: 0, upper: 0, anomalous: false };
  const f = forecastLabel({
    today: day,
    history,
    todaySoFar: 0,
    packs: [],
    unitPrice: ZERO,
    postpaidEnabled: true,
    horizon: day,
  });
  const expected = f.projectedCalls;
  const sums = new Map<number, { s: number; k: number }>();
  for (const h of history) {
    const w = weekdayOf(h.date);
    const x = sums.get(w) ?? { s: 0, k: 0 };
    x.s += h.calls;
    x.k += 1;
    sums.set(w, x);
  }
  let ss = 0;
  for (const h of history) {
    const x = sums.get(weekdayOf(h.date));
    const mean = x ? x.s / x.k : 0;
    ss += (h.calls - mean) ** 2;
  }
  const sigma = Math.sqrt(ss / Math.max(1, history.length - 1));
  const upper = Math.ceil(expected + Math.max(ANOMALY_SIGMAS * sigma, ANOMALY_MIN_RISE * expected, ANOMALY_MIN_CALLS));
  return { eligible: true, expected, upper, anomalous: actual > upper };
}
