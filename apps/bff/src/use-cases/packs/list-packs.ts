import { refundDeadline } from '@idv/billing';
import type { List, Pack, PacksQuery } from '@idv/contracts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { presentPack } from '../../presenters.ts';
import { type AccountRow, accountNow, getAccountRow } from '../../repositories/accounts.ts';
import { catalogMap } from '../../repositories/catalog.ts';
import { listPacks, nextPackExpiry, type PackRow, statusChangesAt } from '../../repositories/packs.ts';

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
  const cache = deps.packPages;
  // Issue 15: the same page for the same account and query, while nothing changed (docs/decisions/0020).
  const key = cache
    ? `${account.violation ? 1 : 0}|${q.sort}|${q.limit}|${q.status ?? ''}|${q.source ?? ''}|${q.cursor ?? ''}|${q.label ?? ''}`
    : '';
  const hit = cache?.get(accountId, key, now.getTime());
  if (hit) return hit;
  const generation = cache?.generation ?? 0;
  const readAt = performance.now();
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
  // A page filtered on `expired` or sorted active first changes when any pack of the account expires.
  const wholeAccount = cache !== undefined && (q.status === 'expired' || q.sort === 'activeFirst');
  const [rowsPlusOne, accountExpiry] = await Promise.all([
    listPacks(deps.db, accountId, now, {
      label: q.label,
      source: q.source,
      status: q.status,
      sort: q.sort,
      after,
      limit: q.limit + 1,
    }),
    wholeAccount ? nextPackExpiry(deps.db, accountId, now) : null,
  ]);
  const page = rowsPlusOne.slice(0, q.limit);
  const labels = await catalogMap(deps.db);
  const last = page.at(-1);
  const list: List<Pack> = {
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
  cache?.set(accountId, key, list, {
    generation,
    readAt,
    validFrom: now.getTime(),
    validUntil: Math.min(firstChange(rowsPlusOne, now), accountExpiry?.getTime() ?? Number.POSITIVE_INFINITY),
  });
  return list;
}

/**
 * The first account time at or after `now` at which these rows could be shown differently by time
 * alone: a pack's shown status turns to expired after its expiry (effectiveStatusSql), a purchased
 * pack's refund window closes after its deadline (R8.1). Until then the page is the same.
 */
function firstChange(rows: PackRow[], now: Date): number {
  const at = now.getTime();
  let first = Number.POSITIVE_INFINITY;
  const consider = (t: number) => {
    if (t >= at && t < first) first = t;
  };
  for (const r of rows) {
    consider(statusChangesAt(r.pack));
    if (r.pack.source === 'purchase') consider(refundDeadline(r.pack.acquiredAt).getTime());
  }
  return first;
}
