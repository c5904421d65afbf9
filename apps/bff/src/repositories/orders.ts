import { charges, type DbOrTx, orders, packs, vouchers } from '@idv/db';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { CreatedAtKey } from '../lib/cursor.ts';
import { olderThan } from './keyset.ts';

export type OrderRow = typeof orders.$inferSelect;
export type ChargeInsert = typeof charges.$inferInsert;

/** R2.2 The voucher row, locked: it is about to be consumed by this order. */
export async function lockVoucher(tx: DbOrTx, accountId: string, voucherId: string) {
  const [v] = await tx
    .select()
    .from(vouchers)
    .where(and(eq(vouchers.id, voucherId), eq(vouchers.accountId, accountId)))
    .for('update');
  return v ?? null;
}

/** R2.2 Consumes a voucher whole; the guard on used_order_id makes a second use impossible. */
export async function consumeVoucher(tx: DbOrTx, voucherId: string, orderId: string, at: Date): Promise<boolean> {
  const r = await tx
    .update(vouchers)
    .set({ usedOrderId: orderId, usedAt: at })
    .where(and(eq(vouchers.id, voucherId), isNull(vouchers.usedOrderId)))
    .returning({ id: vouchers.id });
  return r.length === 1;
}

export async function insertOrder(tx: DbOrTx, row: typeof orders.$inferInsert): Promise<OrderRow> {
  const [o] = await tx.insert(orders).values(row).returning();
  if (!o) throw new Error('order insert returned nothing');
  return o;
}

/** R5.5 One itemized bill row (purchase or refund); never aggregated. */
export async function insertCharge(tx: DbOrTx, row: ChargeInsert): Promise<void> {
  await tx.insert(charges).values(row);
}

export async function getOrder(db: DbOrTx, accountId: string, id: string): Promise<OrderRow | null> {
  const [o] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.accountId, accountId), eq(orders.id, id)));
  return o ?? null;
}

/**
 * The order a pack of this account was bought with (null for a gift, or another account's pack). Reads
 * no lock: an order row never changes once placed, so it may go with the pack's lock in one round trip.
 */
export async function orderOfPack(db: DbOrTx, accountId: string, packId: bigint): Promise<OrderRow | null> {
  const [o] = await db
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.accountId, accountId),
        eq(
          orders.id,
          db
            .select({ id: packs.orderId })
            .from(packs)
            .where(and(eq(packs.accountId, accountId), eq(packs.id, packId))),
        ),
      ),
    );
  return o ?? null;
}

/** Newest first, keyset on (createdAt, id) so pages are stable under inserts. */
export async function listOrders(
  db: DbOrTx,
  accountId: string,
  after: CreatedAtKey | undefined,
  limit: number,
): Promise<OrderRow[]> {
  return db
    .select()
    .from(orders)
    .where(and(eq(orders.accountId, accountId), olderThan(orders.createdAt, orders.id, after)))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit);
}
