import { formatAmount, formatCst, type Money } from '@idv/billing';
import type { DbOrTx } from '@idv/db';
import type { Happening } from '../jobs/registry.ts';
import { notify } from '../repositories/notifications.ts';
import { markArrears } from '../repositories/settlement.ts';

/** R6.2 Service is suspended 24 hours after arrears began, if still in arrears. */
export const SUSPEND_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * R6.1 Seam between settlement and the arrears lifecycle (separate issue): a settlement that leaves
 * the available balance below 0 on an 'active' account calls this, inside its transaction, with the
 * settlement's due time. It marks the account 'arrears' since that time and sends the arrears
 * notice (once per cause). Suspension at arrearsSince + 24 h, resume on recharge and release are the
 * arrears job's business; it reads accounts.status/arrears_since written here.
 */
export async function enterArrears(
  tx: DbOrTx,
  e: { accountId: string; due: Date; available: Money },
): Promise<Happening> {
  await markArrears(tx, e.accountId, e.due);
  const suspendsAt = new Date(e.due.getTime() + SUSPEND_AFTER_MS);
  await notify(tx, {
    accountId: e.accountId,
    kind: 'arrears',
    cause: `arrears:${e.due.toISOString()}`,
    at: e.due,
    vars: { balance: formatAmount(e.available), debt: formatAmount(-e.available), suspendsAt: formatCst(suspendsAt) },
  });
  return {
    at: formatCst(e.due),
    kind: 'arrears',
    summary: `Account in arrears: available balance ¥${formatAmount(e.available)}; service stops at ${formatCst(suspendsAt)} unless recharged.`,
    detail: { available: formatAmount(e.available), suspendsAt: formatCst(suspendsAt) },
  };
}
