import { type DbOrTx, packs, usageEvents } from '@idv/db';
import { and, asc, eq, inArray } from 'drizzle-orm';

export type NewPackRow = typeof packs.$inferInsert;

/** Inserts delivered packs (R3.3, R3.4); the caller holds lockAccount(). Returns them in insert order. */
export async function insertPacks(tx: DbOrTx, rows: NewPackRow[]) {
  if (rows.length === 0) return [];
  return tx.insert(packs).values(rows).returning();
}

/**
 * R4.3 The calls of one label that fell to postpaid on CST day `day` and are still unsettled (the
 * caller checks the account's settledThrough). Locked FOR UPDATE: they are about to move onto a pack.
 */
export async function postpaidEventsOfDay(tx: DbOrTx, accountId: string, label: string, day: string) {
  return tx
    .select({ id: usageEvents.eventId, occurredAt: usageEvents.occurredAt })
    .from(usageEvents)
    .where(
      and(
        eq(usageEvents.accountId, accountId),
        eq(usageEvents.day, day),
        eq(usageEvents.label, label),
        eq(usageEvents.outcome, 'postpaid'),
      ),
    )
    .orderBy(asc(usageEvents.occurredAt), asc(usageEvents.eventId))
    .for('update');
}

/** R4.3 Moves postpaid events onto a pack: outcome 'pack', the pack id, rule 'covered_on_delivery'. */
export async function coverEventsWithPack(
  tx: DbOrTx,
  accountId: string,
  packId: bigint,
  eventIds: string[],
): Promise<void> {
  for (let i = 0; i < eventIds.length; i += 1000) {
    await tx
      .update(usageEvents)
      .set({ outcome: 'pack', packId, rule: 'covered_on_delivery', code: null })
      .where(
        and(
          eq(usageEvents.accountId, accountId),
          eq(usageEvents.outcome, 'postpaid'),
          inArray(usageEvents.eventId, eventIds.slice(i, i + 1000)),
        ),
      );
  }
}

export async function setPackUsage(
  tx: DbOrTx,
  packId: bigint,
  used: number,
  status: 'active' | 'exhausted',
): Promise<void> {
  await tx.update(packs).set({ used, status }).where(eq(packs.id, packId));
}
