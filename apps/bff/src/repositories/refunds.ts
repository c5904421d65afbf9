import { type DbOrTx, packs, refunds } from '@idv/db';
import { and, desc, eq } from 'drizzle-orm';
import type { CreatedAtKey } from '../lib/cursor.ts';
import { olderThan } from './keyset.ts';

export type RefundRow = typeof refunds.$inferSelect;
export type RefundListRow = RefundRow & { label: string };

/** R8.5 The unique index on pack_id is the last line of defence against a second refund. */
export async function insertRefund(tx: DbOrTx, row: typeof refunds.$inferInsert): Promise<RefundRow> {
  const [r] = await tx.insert(refunds).values(row).returning();
  if (!r) throw new Error('refund insert returned nothing');
  return r;
}

export async function markPackRefunded(tx: DbOrTx, packId: bigint): Promise<void> {
  await tx.update(packs).set({ status: 'refunded' }).where(eq(packs.id, packId));
}

/** R8.5 Staff refusal: the reason the customer sees on the pack. */
export async function setRefundRefusal(tx: DbOrTx, packId: bigint, reason: string): Promise<void> {
  await tx.update(packs).set({ refundRefusedReason: reason }).where(eq(packs.id, packId));
}

/** Newest first, keyset on (createdAt, id). */
export async function listRefunds(
  db: DbOrTx,
  accountId: string,
  after: CreatedAtKey | undefined,
  limit: number,
): Promise<RefundListRow[]> {
  const list = await db
    .select({ refund: refunds, label: packs.label })
    .from(refunds)
    .innerJoin(packs, eq(packs.id, refunds.packId))
    .where(and(eq(refunds.accountId, accountId), olderThan(refunds.createdAt, refunds.id, after)))
    .orderBy(desc(refunds.createdAt), desc(refunds.id))
    .limit(limit);
  return list.map((r) => ({ ...r.refund, label: r.label }));
}

/** True for a unique violation of the named index, whichever driver raised it (possibly wrapped). */
export function isUniqueViolation(e: unknown, constraint: string): boolean {
  for (let cur: unknown = e, depth = 0; cur && typeof cur === 'object' && depth < 4; depth++) {
    const o = cur as { code?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown };
    if (o.code === '23505' && (o.constraint === constraint || o.constraint_name === constraint)) return true;
    cur = o.cause;
  }
  return false;
}
