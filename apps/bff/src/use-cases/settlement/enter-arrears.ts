import { arrearsTimeline, formatAmount, formatCst, type Money } from '@idv/billing';
import type { DbOrTx } from '@idv/db';
import type { Happening } from '../../jobs/job.ts';
import { notify } from '../../repositories/notifications.ts';
import { markArrears } from '../../repositories/settlement.ts';

/**
 * R6.1 Seam between settlement and the arrears lifecycle (separate issue): a settlement that leaves
 * the available balance below 0 on an 'active' account calls this, inside its transaction, with the
 * settlement's due time. It marks the account 'arrears' since that time and sends the arrears
 * notice (once per cause), saying when service will stop (due + 24 h, R6.2) and when its postpaid
 * configuration will be released (suspension + the release period, R6.4), in CST. Suspension at arrearsSince + 24 h, resume on recharge and release are the
 * arrears job's business; it reads accounts.status/arrears_since written here.
 */
export async function enterArrears(
  tx: DbOrTx,
  e: { accountId: string; due: Date; available: Money; releaseAfterDays: number },
): Promise<Happening> {
  await markArrears(tx, e.accountId, e.due);
  const { suspendsAt, releasesAt } = arrearsTimeline(e.due, e.releaseAfterDays);
  await notify(tx, {
    accountId: e.accountId,
    kind: 'arrears',
    cause: `arrears:${e.due.toISOString()}`,
    at: e.due,
    vars: {
      balance: formatAmount(e.available),
      debt: formatAmount(-e.available),
      suspendsAt: formatCst(suspendsAt),
      releasesAt: formatCst(releasesAt),
      days: e.releaseAfterDays,
    },
  });
  return {
    at: formatCst(e.due),
    kind: 'arrears',
    summary: `Account in arrears: available balance ¥${formatAmount(e.available)}; service stops at ${formatCst(suspendsAt)} unless recharged, and is released at ${formatCst(releasesAt)}.`,
    detail: {
      available: formatAmount(e.available),
      suspendsAt: formatCst(suspendsAt),
      releasesAt: formatCst(releasesAt),
    },
  };
}
