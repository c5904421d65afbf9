import { benefitPackages, certificateOrders, type DbOrTx } from '@idv/db';
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { CreatedAtKey } from '../lib/cursor.ts';
import { olderThan } from './keyset.ts';

export type CertificateRow = typeof certificateOrders.$inferSelect;

/** Newest first, keyset on (createdAt, id). */
export async function listCertificateOrders(
  db: DbOrTx,
  accountId: string,
  after: CreatedAtKey | undefined,
  limit: number,
): Promise<CertificateRow[]> {
  return db
    .select()
    .from(certificateOrders)
    .where(
      and(
        eq(certificateOrders.accountId, accountId),
        olderThan(certificateOrders.createdAt, certificateOrders.id, after),
      ),
    )
    .orderBy(desc(certificateOrders.createdAt), desc(certificateOrders.id))
    .limit(limit);
}

/** The order locked for a state change; the caller holds lockAccount() first. */
export async function lockCertificateOrder(tx: DbOrTx, accountId: string, id: string) {
  const [c] = await tx
    .select()
    .from(certificateOrders)
    .where(and(eq(certificateOrders.accountId, accountId), eq(certificateOrders.id, id)))
    .for('update');
  return c ?? null;
}

export async function setCertificateStatus(
  tx: DbOrTx,
  id: string,
  status: CertificateRow['status'],
  refundedAt: Date | null = null,
): Promise<CertificateRow> {
  const [c] = await tx
    .update(certificateOrders)
    .set(refundedAt ? { status, refundedAt } : { status })
    .where(eq(certificateOrders.id, id))
    .returning();
  if (!c) throw new Error('certificate order vanished under its lock');
  return c;
}

/** R8.6 benefit points go back to the package they came from. */
export async function returnBenefitPoints(
  tx: DbOrTx,
  accountId: string,
  packageId: string,
  points: number,
): Promise<boolean> {
  const r = await tx
    .update(benefitPackages)
    .set({ points: sql`${benefitPackages.points} + ${points}` })
    .where(and(eq(benefitPackages.id, packageId), eq(benefitPackages.accountId, accountId)))
    .returning({ id: benefitPackages.id });
  return r.length === 1;
}

/**
 * R8.6 Refunded certificate orders as refund records, newest refund first, keyset on (refundedAt, id).
 * A certificate refund returns exactly what cash and gift paid, so the order row is the record.
 */
export async function listCertificateRefunds(
  db: DbOrTx,
  accountId: string,
  after: CreatedAtKey | undefined,
  limit: number,
): Promise<(CertificateRow & { refundedAt: Date })[]> {
  const where = [
    eq(certificateOrders.accountId, accountId),
    eq(certificateOrders.status, 'refunded'),
    isNotNull(certificateOrders.refundedAt),
    olderThan(certificateOrders.refundedAt, certificateOrders.id, after),
  ];
  const rows = await db
    .select()
    .from(certificateOrders)
    .where(and(...where))
    .orderBy(desc(certificateOrders.refundedAt), desc(certificateOrders.id))
    .limit(limit);
  return rows.flatMap((r) => (r.refundedAt ? [{ ...r, refundedAt: r.refundedAt }] : []));
}
