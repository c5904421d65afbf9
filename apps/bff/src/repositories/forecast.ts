import type { PackState } from '@idv/billing';
import { type DbOrTx, packs, rows, usageEvents } from '@idv/db';
import { and, eq, sql } from 'drizzle-orm';

/**
 * Billable calls of a label per CST day in [from, to]: the events that went to a pack or to postpaid
 * (R1.4 free calls and refused calls are not demand on packs). Days without calls are absent.
 */
export async function labelDailyBillable(
  db: DbOrTx,
  accountId: string,
  label: string,
  from: string,
  to: string,
): Promise<Map<string, number>> {
  const list = await rows<{ day: string; calls: string | number }>(
    db,
    sql`select ${usageEvents.day} as day, count(*) as calls from ${usageEvents}
        where ${usageEvents.accountId} = ${accountId} and ${usageEvents.label} = ${label}
          and ${usageEvents.day} between ${from} and ${to} and ${usageEvents.outcome} in ('pack', 'postpaid')
        group by ${usageEvents.day}`,
  );
  return new Map(list.map((r) => [r.day, Number.parseInt(String(r.calls), 10)]));
}

/** Calls a pack took per CST day from `from` on (to rebuild its remaining over the last days). */
export async function packDailyTaken(db: DbOrTx, packId: bigint, from: string): Promise<Map<string, number>> {
  const list = await rows<{ day: string; calls: string | number }>(
    db,
    sql`select ${usageEvents.day} as day, count(*) as calls from ${usageEvents}
        where ${usageEvents.packId} = ${packId} and ${usageEvents.day} >= ${from}
        group by ${usageEvents.day}`,
  );
  return new Map(list.map((r) => [r.day, Number.parseInt(String(r.calls), 10)]));
}

/** R4.2 The label's active packs of the account, as the deduction engine sees them. */
export async function labelActivePacks(db: DbOrTx, accountId: string, label: string): Promise<PackState[]> {
  return db
    .select({
      id: packs.id,
      label: packs.label,
      source: packs.source,
      status: packs.status,
      total: packs.total,
      used: packs.used,
      acquiredAt: packs.acquiredAt,
      expiresAt: packs.expiresAt,
    })
    .from(packs)
    .where(and(eq(packs.accountId, accountId), eq(packs.label, label), eq(packs.status, 'active')));
}
