import { type DbOrTx, orders, packs, rows, usageEvents } from '@idv/db';
import { and, asc, desc, eq, gt, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';

/** Status as of `now`: a pack past its expiry is expired even before the expiry job has run. */
export function effectiveStatusSql(now: Date) {
  return sql<string>`case when ${packs.status} in ('active','exhausted') and ${packs.expiresAt} < ${now.toISOString()}::timestamptz then 'expired' else ${packs.status} end`;
}

const packColumns = (now: Date) => ({
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
  sort: 'expiresAt' | '-expiresAt';
  after?: { expiresAt: Date; id: bigint } | undefined;
  limit: number;
}

export async function listPacks(db: DbOrTx, accountId: string, now: Date, f: PackFilter): Promise<PackRow[]> {
  const where: SQL[] = [eq(packs.accountId, accountId)];
  if (f.label) where.push(eq(packs.label, f.label));
  if (f.source) where.push(eq(packs.source, f.source));
  if (f.status) where.push(sql`${effectiveStatusSql(now)} = ${f.status}`);
  if (f.after) {
    const at = f.after.expiresAt;
    const cmp =
      f.sort === 'expiresAt'
        ? or(gt(packs.expiresAt, at), and(eq(packs.expiresAt, at), gt(packs.id, f.after.id)))
        : or(lt(packs.expiresAt, at), and(eq(packs.expiresAt, at), lt(packs.id, f.after.id)));
    if (cmp) where.push(cmp);
  }
  const order =
    f.sort === 'expiresAt' ? [asc(packs.expiresAt), asc(packs.id)] : [desc(packs.expiresAt), desc(packs.id)];
  return db
    .select(packColumns(now))
    .from(packs)
    .leftJoin(orders, eq(orders.id, packs.orderId))
    .where(and(...where))
    .orderBy(...order)
    .limit(f.limit);
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
