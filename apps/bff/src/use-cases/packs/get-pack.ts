import { addDays, cstDate } from '@idv/billing';
import type { Pack } from '@idv/contracts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { presentPack } from '../../presenters.ts';
import { accountNow, getAccountRow } from '../../repositories/accounts.ts';
import { catalogMap } from '../../repositories/catalog.ts';
import { getPack, packDailyUsage } from '../../repositories/packs.ts';

/**
 * The caller's account, its clock and one of its packs as of that clock (the account's clock: demo
 * tenants, R9.3). No account, or another account's pack, is 404 (never 403).
 */
export async function accountPack(deps: Deps, accountId: string, id: bigint) {
  const account = await getAccountRow(deps.db, accountId);
  if (!account) throw notFound('account');
  const now = accountNow(deps.clock, account);
  const row = await getPack(deps.db, accountId, id, now);
  if (!row) throw notFound('pack');
  return { account, now, row };
}

/** One pack of the caller's account; another account's pack is 404, never 403. */
export async function getPackUseCase(deps: Deps, accountId: string, id: bigint): Promise<Pack> {
  const { account, now, row } = await accountPack(deps, accountId, id);
  return presentPack(row, await catalogMap(deps.db), now, account.violation);
}

/** R3.6 usage per day; defaults to the last 30 days of the account's clock. */
export async function getPackUsage(
  deps: Deps,
  accountId: string,
  id: bigint,
  range: { from?: string | undefined; to?: string | undefined },
) {
  const { now } = await accountPack(deps, accountId, id);
  const to = range.to ?? cstDate(now);
  const from = range.from ?? addDays(to, -29);
  return { items: await packDailyUsage(deps.db, id, from, to) };
}
