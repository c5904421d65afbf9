import type { DbOrTx } from '@idv/db';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { accountNow } from '../../repositories/accounts.ts';
import { lockCertificateOrder } from '../../repositories/certificates.ts';
import { lockAccount } from '../../repositories/ledger.ts';

/**
 * R8.6 The start of every certificate state change: the account locked first, then the order FOR UPDATE
 * (404 if it is not this account's), and the account's now (its demo clock, if any).
 */
export async function lockCertificateForChange(deps: Deps, tx: DbOrTx, accountId: string, id: string) {
  const account = await lockAccount(tx, accountId);
  if (!account) throw notFound('account');
  const now = accountNow(deps.clock, account);
  const cert = await lockCertificateOrder(tx, accountId, id);
  if (!cert) throw notFound('certificate order');
  return { now, cert };
}
