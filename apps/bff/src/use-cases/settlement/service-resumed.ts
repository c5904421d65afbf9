import { formatAmount, formatCst, type Money } from '@idv/billing';
import type { DbOrTx } from '@idv/db';
import { notify } from '../../repositories/notifications.ts';

/**
 * R6.3 The service-resumed notice, sent in the transaction that resumed the account (a recharge, or
 * the arrears job's safety net when money came back another way). Once per resumption: the cause is
 * the arrears episode (`resumed:<arrearsSince ISO>`), unique per account and kind in the database, so
 * a repeated or concurrent trigger for the same episode records one notice; a later episode (a new
 * arrearsSince) gets its own. Channels follow the customer's settings like every kind (notify).
 */
export async function notifyServiceResumed(
  tx: DbOrTx,
  e: { accountId: string; episode: Date | null; available: Money; at: Date },
): Promise<boolean> {
  return notify(tx, {
    accountId: e.accountId,
    kind: 'service_resumed',
    cause: `resumed:${(e.episode ?? e.at).toISOString()}`,
    at: e.at,
    vars: { balance: formatAmount(e.available), resumedAt: formatCst(e.at) },
  });
}
