import type { List, Pack, PacksQuery } from '@idv/contracts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { presentPack } from '../../presenters.ts';
import { type AccountRow, accountNow, getAccountRow } from '../../repositories/accounts.ts';
import { catalogMap } from '../../repositories/catalog.ts';
import { listPacks } from '../../repositories/packs.ts';

/** `preloaded`: the account row read with the session (issue 15); read here when absent. */
export async function listPacksUseCase(
  deps: Deps,
  accountId: string,
  q: PacksQuery,
  preloaded?: AccountRow | null,
): Promise<List<Pack>> {
  const account = preloaded?.id === accountId ? preloaded : await getAccountRow(deps.db, accountId);
  if (!account) throw notFound('account');
  const now = accountNow(deps.clock, account);
  let after: { expiresAt: Date; id: bigint; rank?: number } | undefined;
  if (q.cursor) {
    // The activeFirst sort (issue 17) leads its cursor with the rank: 0 active, 1 other.
    const ranked = q.sort === 'activeFirst';
    const parts = decodeCursor(q.cursor, ranked ? 3 : 2);
    const [ms, id] = ranked ? parts.slice(1) : parts;
    const rank = ranked ? parts[0] : '0';
    if (!/^\d+$/.test(ms ?? '') || !/^\d+$/.test(id ?? '') || !/^[01]$/.test(rank ?? '')) throw notFound('cursor');
    after = { expiresAt: new Date(Number.parseInt(ms ?? '0', 10)), id: BigInt(id ?? '0') };
    if (ranked) after.rank = rank === '0' ? 0 : 1;
  }
  const rowsPlusOne = await listPacks(deps.db, accountId, now, {
    label: q.label,
    source: q.source,
    status: q.status,
    sort: q.sort,
    after,
    limit: q.limit + 1,
  });
  const page = rowsPlusOne.slice(0, q.limit);
  const labels = await catalogMap(deps.db);
  const last = page.at(-1);
  return {
    items: page.map((r) => presentPack(r, labels, now, account.violation)),
    nextCursor:
      rowsPlusOne.length > q.limit && last
        ? encodeCursor([
            ...(q.sort === 'activeFirst' ? [last.status === 'active' ? 0 : 1] : []),
            last.pack.expiresAt.getTime(),
            last.pack.id,
          ])
        : null,
  };
}
