import type { Account } from '@idv/contracts';
import type { DbOrTx } from '@idv/db';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { presentAccount } from '../../presenters.ts';
import { type AccountRow, accountNow, getAccountRow, listVouchers } from '../../repositories/accounts.ts';

const DAY_MS = 86_400_000;

/**
 * `db` lets a use case answer from inside its own transaction (e.g. a recharge's stored response);
 * `preloaded` is the account row read with the session (issue 15), used when given.
 */
export async function getAccount(
  deps: Deps,
  accountId: string,
  db: DbOrTx = deps.db,
  preloaded?: AccountRow | null,
): Promise<Account> {
  const a = preloaded?.id === accountId ? preloaded : await getAccountRow(db, accountId);
  if (!a) throw notFound('account');
  const now = accountNow(deps.clock, a);
  // R6.2: suspension follows 24 hours after arrears began.
  const suspendsAt = a.status === 'arrears' && a.arrearsSince ? new Date(a.arrearsSince.getTime() + DAY_MS) : null;
  return presentAccount(a, await listVouchers(db, accountId), now, suspendsAt);
}
