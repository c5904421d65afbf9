import { addDays, addMonths, cstDate, cstMonth } from '@idv/billing';
import type { Deps } from '../deps.ts';
import { getAccountRow } from '../repositories/accounts.ts';
import { type SettlementPeriod, settlementDue, settlePeriod } from '../use-cases/settlement/settle-period.ts';
import type { AccountJob, Happening } from './job.ts';

/**
 * R5.1/R5.3 Daily accounts: every day D after settled_through whose due time (D+1 08:00 CST) has
 * passed is settled, oldest first, one transaction each, so a missed morning (service down, demo
 * clock jumping days) catches up with every day dated at its own due time. A fresh account starts
 * at its activation day.
 */
export const dailySettlementJob: AccountJob = {
  name: 'daily-settlement',
  async run(deps, accountId, now) {
    const account = await getAccountRow(deps.db, accountId);
    if (account?.settlement !== 'daily') return [];
    const day = account.settledThrough ? addDays(account.settledThrough, 1) : cstDate(account.activatedAt);
    return settleDuePeriods(deps, accountId, now, { kind: 'daily', day }, (p) => ({
      kind: 'daily',
      day: addDays(p.day, 1),
    }));
  },
};

/**
 * R5.2/R5.3 Monthly accounts: every month after settled_through whose due time (the 1st of the
 * next month, 08:00 CST) has passed. settled_through then holds the month's last day.
 */
export const monthlySettlementJob: AccountJob = {
  name: 'monthly-settlement',
  async run(deps, accountId, now) {
    const account = await getAccountRow(deps.db, accountId);
    if (account?.settlement !== 'monthly') return [];
    const month = account.settledThrough
      ? cstMonth(new Date(`${addDays(account.settledThrough, 1)}T00:00:00+08:00`))
      : cstMonth(account.activatedAt);
    return settleDuePeriods(deps, accountId, now, { kind: 'monthly', month }, (p) => ({
      kind: 'monthly',
      month: addMonths(p.month, 1),
    }));
  },
};

/**
 * R5.3 Catch-up: settles `first` and each period after it whose due time has passed by `now`, oldest
 * first, one transaction each, so every period is dated at its own due time.
 */
async function settleDuePeriods<P extends SettlementPeriod>(
  deps: Deps,
  accountId: string,
  now: Date,
  first: P,
  next: (period: P) => P,
): Promise<Happening[]> {
  const out: Happening[] = [];
  for (let period = first; settlementDue(period).getTime() <= now.getTime(); period = next(period)) {
    out.push(...(await settlePeriod(deps, accountId, period)));
  }
  return out;
}
