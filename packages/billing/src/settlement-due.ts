import { addDays, addMonths, cstDate, DAILY_SETTLEMENT_HOUR_CST, DAY_MS, monthRange, startOfCstDay } from './time.ts';

const SETTLEMENT_OFFSET_MS = DAILY_SETTLEMENT_HOUR_CST * 60 * 60 * 1000;

/** R5.1 Day D is settled on D+1 at 08:00 CST: its due time (the time its bill lines carry). */
export function dailySettlementDue(day: string): Date {
  return new Date(startOfCstDay(addDays(day, 1)).getTime() + SETTLEMENT_OFFSET_MS);
}

/**
 * R5.3 The last day whose daily settlement is due at `now`: day D is due at D+1 08:00 CST, which is
 * 32 hours after D begins, so it is the CST date of `now` minus 32 hours.
 */
export function lastDueSettlementDay(now: Date): string {
  return cstDate(new Date(now.getTime() - DAY_MS - SETTLEMENT_OFFSET_MS));
}

/** R5.2 Month M is settled on the 1st of M+1 at 08:00 CST. */
export function monthlySettlementDue(month: string): Date {
  return new Date(monthRange(month).end.getTime() + SETTLEMENT_OFFSET_MS);
}

/** First and last CST date of a month ('YYYY-MM' → ['YYYY-MM-01', 'YYYY-MM-28..31']). */
export function monthDays(month: string): { first: string; last: string } {
  const first = `${month}-01`;
  const last = addDays(`${addMonths(month, 1)}-01`, -1);
  return { first, last };
}
