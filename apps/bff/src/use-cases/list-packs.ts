import type { List, Pack, PacksQuery } from '@idv/contracts';
import type { Deps } from '../deps.ts';
import { notFound } from '../errors.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { presentPack } from '../presenters.ts';
import { accountNow, getAccountRow } from '../repositories/accounts.ts';
import { catalogMap } from '../repositories/catalog.ts';
import { listPacks } from '../repositories/packs.ts';

export async function listPacksUseCase(deps: Deps, accountId: string, q: PacksQuery): Promise<List<Pack>> {
  const account = await getAccountRow(deps.db, accountId);
  if (!account) throw notFound('account');
  const now = accountNow(deps.clock, account);
  let after: { expiresAt: Date; id: bigint } | undefined;
  if (q.cursor) {
    const [ms, id] = decodeCursor(q.cursor, 2);
    if (!/^\d+$/.test(ms ?? '') || !/^\d+$/.test(id ?? '')) throw notFound('cursor');
    after = { expiresAt: new Date(Number.parseInt(ms ?? '0', 10)), id: BigInt(id ?? '0') };
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
      rowsPlusOne.length > q.limit && last ? encodeCursor([last.pack.expiresAt.getTime(), last.pack.id]) : null,
  };
}
