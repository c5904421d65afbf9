import { CENT, formatAmount, parseMoney, roundHalfUpToCent } from '@idv/billing';

/** Cents of a decimal string ("123.4" → 12340n), half-up to the cent: billing's money module. */
export function toCents(s: string): bigint {
  return roundHalfUpToCent(parseMoney(s)) / CENT;
}

export function fromCents(c: bigint): string {
  return formatAmount(c * CENT);
}

export interface BurnPoint {
  date: string;
  /** Cumulative amount, exact decimal string. */
  amount: string;
  projected: boolean;
}

/** Days of a 'YYYY-MM' month, 'YYYY-MM-DD'. */
export function daysOf(month: string): string[] {
  const [y = 1970, m = 1] = month.split('-').map(Number);
  const n = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: n }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

/**
 * R10.1 burn chart series: the cumulative spent for each day up to `today` (carried over days without
 * charges), then the forecast drawn as a straight line from today's spent to the month-end forecast,
 * in exact cents (each projected day rounded down; the last day is the forecast itself).
 */
export function burnSeries(
  month: string,
  today: string,
  daily: readonly { date: string; spent: string }[],
  spent: string,
  forecast: string,
): BurnPoint[] {
  const days = daysOf(month);
  const byDay = new Map(daily.map((d) => [d.date, d.spent]));
  const out: BurnPoint[] = [];
  let running = '0.00';
  const todayIdx = today < (days[0] ?? '') ? -1 : days.indexOf(today);
  const pastMonth = today > (days.at(-1) ?? '');
  for (const [i, date] of days.entries()) {
    if (pastMonth || i <= todayIdx) {
      running = byDay.get(date) ?? running;
      out.push({ date, amount: i === todayIdx ? spent : running, projected: false });
    }
  }
  if (pastMonth || todayIdx < 0) return out;
  const from = toCents(spent);
  const to = toCents(forecast);
  const left = days.length - 1 - todayIdx;
  for (let k = 1; k <= left; k++) {
    const date = days[todayIdx + k] ?? '';
    const c = k === left ? to : from + ((to - from) * BigInt(k)) / BigInt(left);
    out.push({ date, amount: fromCents(c), projected: true });
  }
  return out;
}
