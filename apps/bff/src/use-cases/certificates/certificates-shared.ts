import type { DbOrTx } from '@idv/db';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { lockCertificateOrder } from '../../repositories/certificates.ts';
import { lockAccountNow } from '../account/lock-account-now.ts';

/**
 * R8.6 The start of every certificate state change: the account locked first, then the order FOR UPDATE
 * (404 if it is not this account's), and the account's now (its demo clock, if any).
 */
export async function lockCertificateForChange(deps: Deps, tx: DbOrTx, accountId: string, id: string) {
  const { now } = await lockAccountNow(deps, tx, accountId);
  const cert = await lockCertificateOrder(tx, accountId, id);
  if (!cert) throw notFound('certificate order');
  return { now, cert };
}
