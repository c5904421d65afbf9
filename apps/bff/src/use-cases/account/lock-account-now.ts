import type { DbOrTx } from '@idv/db';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { accountNow } from '../../repositories/accounts.ts';
import { lockAccount } from '../../repositories/ledger.ts';

/**
 * The start of an account change: the account row locked FOR UPDATE first (lock order: account before
 * packs or orders; 404 if it is gone) and the account's now (its demo clock, if any).
 */
export async function lockAccountNow(deps: Deps, tx: DbOrTx, accountId: string) {
  const account = await lockAccount(tx, accountId);
  if (!account) throw notFound('account');
  return { account, now: accountNow(deps.clock, account) };
}
