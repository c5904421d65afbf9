import { DomainError } from './errors.ts';
import { HISTORY_DAYS, type LabelForecast } from './forecast.ts';
import { MAX_PLAN_MONTHS } from './planner.ts';
import { addDays } from './time.ts';

/**
 * Pack planner, "from history" source (issue 9): turns a label's burn-down forecast (`forecastLabel`:
 * its last 30 days projected day by day and flowed through the account's existing active packs in
 * R4.2 order) into calls per month that those packs will NOT cover, the forecast the planner buys for.
 *
 * Month boundaries (docs/decisions/0007-advice.md): month i is the days from `addMonthsToDate(today, i)`
 * (inclusive) to `addMonthsToDate(today, i + 1)` (exclusive), always counted from today, so a month-end
 * today does not drift: today 2026-01-31 → month 0 is 01-31 … 02-27, month 1 is 02-28 … 03-30, month 2
 * is 03-31 … 04-29. Month 0 starts with the rest of today (the forecast's today is what is still to
 * come; the calls already made today have been deducted already).
 *
 * What is subtracted: the calls the existing packs are projected to take (the forecast's pack calls).
 * What is planned: the rest, the projected postpaid calls, plus the refused ones when postpaid is off
 * (R4.4: demand that a bought pack would serve). A pack bought now expires after every existing pack
 * (each was acquired earlier and lasts at most one year, R3.2), so R4.2 keeps using the existing packs
 * first and the subtraction matches what deduction would do.
 */

export interface ForecastMonth {
  /** 0-based month number from today. */
  index: number;
  /** First day of the month (inclusive), 'YYYY-MM-DD'. */
  from: string;
  /** Last day of the month (inclusive): the day before the next month's first day. */
  to: string;
  /** All the label's projected calls in the month. */
  projectedCalls: number;
  /** The part the existing packs are projected to take (R4.2). */
  coveredByPacks: number;
  /** projectedCalls − coveredByPacks: projected postpaid (and refused) calls, what the planner plans. */
  toPlan: number;
}

export interface ForecastMonths {
  today: string;
  months: ForecastMonth[];
  projectedCalls: number;
  coveredByPacks: number;
  toPlan: number;
  /** The month conversion in plain words (follows the forecast's own method text). */
  method: { en: string; zh: string };
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;

const bad = (message: string, details?: Record<string, unknown>) =>
  new DomainError('INVALID_FORECAST', message, details);

/**
 * The same day of the month `n` calendar months later, clamped to the end of a shorter month
 * ('2026-01-31' + 1 → '2026-02-28'; + 2 → '2026-03-31'; '2028-01-31' + 1 → '2028-02-29').
 */
export function addMonthsToDate(date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw bad('months must be an integer');
  const r = DATE_RE.exec(date);
  const y = Number.parseInt(r?.[1] ?? '', 10);
  const m = Number.parseInt(r?.[2] ?? '', 10);
  const d = Number.parseInt(r?.[3] ?? '', 10);
  if (r === null || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    throw new DomainError('INVALID_DATE', `expected YYYY-MM-DD: "${date}"`);
  }
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return `${pad(ny, 4)}-${pad(nm)}-${pad(Math.min(d, daysInMonth(ny, nm)))}`;
}

/** The month boundaries of the next `months` months from `today` (see the definition above). */
export function forecastMonthRanges(today: string, months: number): { index: number; from: string; to: string }[] {
  if (!Number.isSafeInteger(months) || months < 1 || months > MAX_PLAN_MONTHS) {
    throw bad(`give 1 to ${MAX_PLAN_MONTHS} months`, { months });
  }
  return Array.from({ length: months }, (_, i) => ({
    index: i,
    from: addMonthsToDate(today, i),
    to: addDays(addMonthsToDate(today, i + 1), -1),
  }));
}

/** The last day (inclusive) a forecast must reach to cover `months` months from `today`. */
export function forecastMonthsHorizon(today: string, months: number): string {
  const ranges = forecastMonthRanges(today, months);
  return ranges[ranges.length - 1]?.to ?? today;
}

/**
 * Sums a label forecast per month: projected calls, the part the existing packs take, and the rest
 * (postpaid + refused) to plan for. The forecast must start today and reach the last month's end.
 *
 * `todayPostpaid`: the label's calls already made today that went to postpaid (today is never settled
 * yet). R4.3: a pack bought now is valid from 00:00 today and takes them on delivery, so they belong to
 * month 0's calls to plan for (added to its projectedCalls and toPlan; the existing packs could not
 * take them, or they would not be postpaid).
 */
export function monthsFromForecast(forecast: LabelForecast, months: number, todayPostpaid = 0): ForecastMonths {
  if (!Number.isSafeInteger(todayPostpaid) || todayPostpaid < 0) throw bad('todayPostpaid must be >= 0');
  const ranges = forecastMonthRanges(forecast.today, months);
  const end = ranges[ranges.length - 1]?.to ?? forecast.today;
  const first = forecast.points[0];
  if (first === undefined || first.date !== forecast.today) throw bad('the forecast must start today');
  const last = forecast.points[forecast.points.length - 1];
  if (last === undefined || last.date < end) {
    throw bad(`the forecast ends before ${end}`, { horizon: forecast.horizon, needed: end });
  }
  const out: ForecastMonth[] = ranges.map((r) => ({ ...r, projectedCalls: 0, coveredByPacks: 0, toPlan: 0 }));
  let at = 0;
  for (const p of forecast.points) {
    if (p.date > end) break;
    while ((out[at]?.to ?? end) < p.date) at++;
    const month = out[at];
    if (month === undefined) break;
    const uncovered = p.postpaidCalls + p.refusedCalls;
    month.projectedCalls += p.calls;
    month.toPlan += uncovered;
    month.coveredByPacks += p.calls - uncovered;
  }
  const month0 = out[0];
  if (month0 !== undefined) {
    month0.projectedCalls += todayPostpaid;
    month0.toPlan += todayPostpaid;
  }
  const sum = (f: (m: ForecastMonth) => number) => out.reduce((a, m) => a + f(m), 0);
  return {
    today: forecast.today,
    months: out,
    projectedCalls: sum((m) => m.projectedCalls),
    coveredByPacks: sum((m) => m.coveredByPacks),
    toPlan: sum((m) => m.toPlan),
    method: methodText(forecast, months, todayPostpaid),
  };
}

function methodText(f: LabelForecast, months: number, todayPostpaid: number): { en: string; zh: string } {
  // Every weekday averaged 0 (averages of whole calls over at most 30 days are ≥ 0.03 when not 0).
  const noUsage = f.historyDays === 0 || f.weekdays.every((w) => w.average === '0.00');
  const forecastMethod = noUsage
    ? {
        en: `There are no calls of this label in the last ${f.historyDays || HISTORY_DAYS} days, so no calls are projected.`,
        zh: `该计费标签近 ${f.historyDays || HISTORY_DAYS} 天没有调用，因此预测不会再有调用。`,
      }
    : f.method;
  return {
    en: [
      forecastMethod.en,
      `We add up the projection for the next ${months} month${months === 1 ? '' : 's'}: a month runs from today's date to the day before the same date of the next month (shorter months end on their last day), and the first month starts with the rest of today.`,
      'The calls your existing packs are projected to cover are subtracted; the rest (what would go to postpaid, or be refused with postpaid off) is what the plan buys for.',
      ...(todayPostpaid > 0
        ? [
            `The ${todayPostpaid} call${todayPostpaid === 1 ? '' : 's'} already made today that went to postpaid count too: a pack delivered today covers the whole day (R4.3).`,
          ]
        : []),
    ].join(' '),
    zh: [
      forecastMethod.zh,
      `按月汇总未来 ${months} 个月的预测：每个月从今天的日期起，到下个月同一日期的前一天为止（该日期不存在时取当月最后一天），第一个月从今天剩余的时间开始。`,
      '扣除现有资源包预计可覆盖的调用后，剩余部分（将按后付费计费，或在后付费关闭时被拒绝的调用）即为本方案需要规划购买的量。',
      ...(todayPostpaid > 0
        ? [`今天已产生的 ${todayPostpaid} 次后付费调用也计入：当天到账的资源包自当天 0 点起生效（R4.3）。`]
        : []),
    ].join(''),
  };
}
