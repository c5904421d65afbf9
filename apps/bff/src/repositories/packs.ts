import { type DbOrTx, orders, packs, rows, usageEvents } from '@idv/db';
import { and, asc, desc, eq, gt, inArray, lt, lte, or, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { prepared } from './prepared.ts';

/** The channel of migration 0012's trigger: payload = the account whose pack rows a transaction changed. */
export const PACK_ROWS_CHANNEL = 'idv_pack_rows';

/** A pack row as the deduction engine sees it (billing's PackState): the columns to select. */
export const packStateColumns = {
  id: packs.id,
  label: packs.label,
  source: packs.source,
  status: packs.status,
  total: packs.total,
  used: packs.used,
  acquiredAt: packs.acquiredAt,
  expiresAt: packs.expiresAt,
};

/** Status as of `now`: a pack past its expiry is expired even before the expiry job has run. */
/** `now` is a time, or a placeholder bound to an ISO instant (prepared statements). */
export function effectiveStatusSql(now: Date | Placeholder) {
  const at = now instanceof Date ? now.toISOString() : now;
  return sql<string>`case when ${packs.status} in ('active','exhausted') and ${packs.expiresAt} < ${at}::timestamptz then 'expired' else ${packs.status} end`;
}

/**
 * The instant from which effectiveStatusSql's status of this stored pack could differ by time alone:
 * its expiry for a pack stored active or exhausted (expired once the clock is past it), else never.
 * The GET /packs page cache (decision 0020) stops at it.
 */
export function statusChangesAt(p: { status: string; expiresAt: Date }): number {
  return p.status === 'active' || p.status === 'exhausted' ? p.expiresAt.getTime() : Number.POSITIVE_INFINITY;
}

/** effectiveStatusSql's status of a pack row held in memory, at `now`. */
export function effectiveStatus(p: { status: string; expiresAt: Date }, now: Date): string {
  return statusChangesAt(p) < now.getTime() ? 'expired' : p.status;
}

/** Issue 17: 0 for a pack that is active as of `now`, 1 for any other (the `activeFirst` sort's first key). */
function activeRankSql(now: Date | Placeholder) {
  return sql<number>`(case when ${effectiveStatusSql(now)} = 'active' then 0 else 1 end)`;
}

const packColumns = (now: Date | Placeholder) => ({
  pack: packs,
  status: effectiveStatusSql(now),
  orderQuantity: orders.quantity,
  orderPaidGift: orders.paidGift,
  orderPaidIncome: orders.paidIncome,
  orderPaidCash: orders.paidCash,
});

export type PackRow = {
  pack: typeof packs.$inferSelect;
  status: string;
  orderQuantity: number | null;
  orderPaidGift: string | null;
  orderPaidIncome: string | null;
  orderPaidCash: string | null;
};

export interface PackFilter {
  label?: string | undefined;
  source?: 'purchase' | 'gift' | undefined;
  status?: 'active' | 'exhausted' | 'expired' | 'refunded' | undefined;
  sort: 'expiresAt' | '-expiresAt' | 'activeFirst';
  /** `rank` (0 active, 1 other) is the cursor's first key for the `activeFirst` sort. */
  after?: { expiresAt: Date; id: bigint; rank?: number | undefined } | undefined;
  limit: number;
}

/**
 * One page of the account's packs. Prepared (issue 15): one statement per filter shape (which filters
 * are set, the sort, whether there is a cursor: at most 32 shapes), the values bound as parameters.
 */
export async function listPacks(db: DbOrTx, accountId: string, now: Date, f: PackFilter): Promise<PackRow[]> {
  const shape = `packs:${f.label ? 'l' : ''}${f.source ? 's' : ''}${f.status ? 't' : ''}${f.after ? 'a' : ''}${f.sort}`;
  const q = prepared(db, shape, (d) => {
    const p = sql.placeholder;
    const where: SQL[] = [eq(packs.accountId, p('accountId'))];
    if (f.label) where.push(eq(packs.label, p('label')));
    if (f.source) where.push(sql`${packs.source} = ${p('source')}`);
    if (f.status) where.push(sql`${effectiveStatusSql(p('now'))} = ${p('status')}`);
    const rank = activeRankSql(p('now'));
    if (f.after) {
      const at = sql`${p('afterAt')}::timestamptz`;
      const id = sql`${p('afterId')}::bigint`;
      const cmp =
        f.sort === 'activeFirst'
          ? sql`(${rank}, ${packs.expiresAt}, ${packs.id}) > (${p('afterRank')}::int, ${at}, ${id})`
          : f.sort === 'expiresAt'
            ? or(gt(packs.expiresAt, at), and(eq(packs.expiresAt, at), gt(packs.id, id)))
            : or(lt(packs.expiresAt, at), and(eq(packs.expiresAt, at), lt(packs.id, id)));
      if (cmp) where.push(cmp);
    }
    const order =
      f.sort === 'activeFirst'
        ? [asc(rank), asc(packs.expiresAt), asc(packs.id)]
        : f.sort === 'expiresAt'
          ? [asc(packs.expiresAt), asc(packs.id)]
          : [desc(packs.expiresAt), desc(packs.id)];
    return d
      .select(packColumns(p('now')))
      .from(packs)
      .leftJoin(orders, eq(orders.id, packs.orderId))
      .where(and(...where))
      .orderBy(...order)
      .limit(p('limit'))
      .prepare(shape.replace(':', '_'));
  });
  return q.execute({
    accountId,
    now: now.toISOString(),
    limit: f.limit,
    ...(f.label ? { label: f.label } : {}),
    ...(f.source ? { source: f.source } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.after
      ? {
          afterAt: f.after.expiresAt.toISOString(),
          afterId: f.after.id.toString(),
          ...(f.sort === 'activeFirst' ? { afterRank: f.after.rank ?? 0 } : {}),
        }
      : {}),
  });
}

/**
 * Issue 15 (the GET /packs page cache): the first expiry at or after `now` among the account's packs
 * whose shown status would turn to expired then, or null. Pages filtered on `expired` or sorted active
 * first can change when any pack of the account expires, not only one they show.
 */
export async function nextPackExpiry(db: DbOrTx, accountId: string, now: Date): Promise<Date | null> {
  const q = prepared(db, 'packs:nextExpiry', (d) =>
    d
      .select({ at: sql<string | null>`min(${packs.expiresAt})` })
      .from(packs)
      .where(
        and(
          eq(packs.accountId, sql.placeholder('accountId')),
          inArray(packs.status, ['active', 'exhausted']),
          sql`${packs.expiresAt} >= ${sql.placeholder('now')}::timestamptz`,
        ),
      )
      .prepare('packs_nextExpiry'),
  );
  const [row] = await q.execute({ accountId, now: now.toISOString() });
  return row?.at ? new Date(row.at) : null;
}

export async function getPack(db: DbOrTx, accountId: string, id: bigint, now: Date): Promise<PackRow | null> {
  const [row] = await db
    .select(packColumns(now))
    .from(packs)
    .leftJoin(orders, eq(orders.id, packs.orderId))
    .where(and(eq(packs.accountId, accountId), eq(packs.id, id)));
  return row ?? null;
}

/** R3.6: calls deducted from a pack per CST day. */
export async function packDailyUsage(db: DbOrTx, packId: bigint, from: string, to: string) {
  const list = await rows<{ day: string; calls: string | number }>(
    db,
    sql`select ${usageEvents.day} as day, count(*) as calls from ${usageEvents}
        where ${usageEvents.packId} = ${packId} and ${usageEvents.day} between ${from} and ${to}
        group by ${usageEvents.day} order by ${usageEvents.day}`,
  );
  return list.map((r) => ({ date: r.day, calls: Number.parseInt(String(r.calls), 10) }));
}

/** The packs an order delivered, in order-index order (R3.3). */
export async function packsOfOrder(db: DbOrTx, accountId: string, orderId: string, now: Date): Promise<PackRow[]> {
  return db
    .select(packColumns(now))
    .from(packs)
    .leftJoin(orders, eq(orders.id, packs.orderId))
    .where(and(eq(packs.accountId, accountId), eq(packs.orderId, orderId)))
    .orderBy(asc(packs.orderIndex), asc(packs.id));
}

/**
 * packsOfOrder's rows for an order just placed, from what the transaction wrote (the packs as delivered
 * and covered, the order row) instead of reading them back: issue 15, one round trip fewer while the
 * account is locked.
 */
export function deliveredPackRows(
  delivered: readonly (typeof packs.$inferSelect)[],
  order: typeof orders.$inferSelect,
  now: Date,
): PackRow[] {
  return [...delivered]
    .sort((a, b) => (a.orderIndex ?? 0) - (b.orderIndex ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((p) => ({
      pack: p,
      status: effectiveStatus(p, now),
      orderQuantity: order.quantity,
      orderPaidGift: order.paidGift,
      orderPaidIncome: order.paidIncome,
      orderPaidCash: order.paidCash,
    }));
}

/** R8.5 The pack row locked for a refund or a staff refusal; the caller already holds lockAccount(). */
export async function lockPack(db: DbOrTx, accountId: string, id: bigint) {
  const [p] = await db
    .select()
    .from(packs)
    .where(and(eq(packs.accountId, accountId), eq(packs.id, id)))
    .for('update');
  return p ?? null;
}

/** The account a pack belongs to (staff actions start from a pack id). */
export async function packAccountId(db: DbOrTx, id: bigint): Promise<string | null> {
  const [p] = await db.select({ accountId: packs.accountId }).from(packs).where(eq(packs.id, id));
  return p?.accountId ?? null;
}

/** The account's packs among `ids`, with their status as of `now` (issue 9); other accounts' ids are not found. */
export async function packsByIds(db: DbOrTx, accountId: string, ids: readonly bigint[], now: Date) {
  if (ids.length === 0) return [];
  return db
    .select({ pack: packs, status: effectiveStatusSql(now) })
    .from(packs)
    .where(and(eq(packs.accountId, accountId), inArray(packs.id, [...ids])));
}

/** R7 An account's active or exhausted packs that expire by `by` (expiring notices and expiry). */
export async function packsExpiringBy(db: DbOrTx, accountId: string, by: Date) {
  return db
    .select()
    .from(packs)
    .where(
      and(eq(packs.accountId, accountId), inArray(packs.status, ['active', 'exhausted']), lte(packs.expiresAt, by)),
    );
}

/** R7 Marks a pack expired unless something else already did; true when this call did. */
export async function expireDuePack(db: DbOrTx, id: bigint): Promise<boolean> {
  const updated = await db
    .update(packs)
    .set({ status: 'expired' })
    .where(and(eq(packs.id, id), inArray(packs.status, ['active', 'exhausted'])))
    .returning({ id: packs.id });
  return updated.length > 0;
}
