import { addDays, addMonths, cstDate, cstMonth } from '@idv/billing';
import { getAccountRow } from '../repositories/accounts.ts';
import { settlementDue, settlePeriod } from '../use-cases/settlement/settle-period.ts';
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
    const out: Happening[] = [];
    let day = account.settledThrough ? addDays(account.settledThrough, 1) : cstDate(account.activatedAt);
    while (settlementDue({ kind: 'daily', day }).getTime() <= now.getTime()) {
      out.push(...(await settlePeriod(deps, accountId, { kind: 'daily', day })));
      day = addDays(day, 1);
    }
    return out;
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
    const out: Happening[] = [];
    let month = account.settledThrough
      ? cstMonth(new Date(`${addDays(account.settledThrough, 1)}T00:00:00+08:00`))
      : cstMonth(account.activatedAt);
    while (settlementDue({ kind: 'monthly', month }).getTime() <= now.getTime()) {
      out.push(...(await settlePeriod(deps, accountId, { kind: 'monthly', month })));
      month = addMonths(month, 1);
    }
    return out;
  },
};
