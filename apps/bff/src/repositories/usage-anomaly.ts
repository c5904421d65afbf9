import { type DbOrTx, rows, usageAnomalyChecks, usageEvents } from '@idv/db';
import { eq, sql } from 'drizzle-orm';

export async function anomalyCheckedThrough(db: DbOrTx, accountId: string): Promise<string | null> {
  const [r] = await db.select().from(usageAnomalyChecks).where(eq(usageAnomalyChecks.accountId, accountId));
  return r?.checkedThrough ?? null;
}

export async function setAnomalyCheckedThrough(db: DbOrTx, accountId: string, day: string): Promise<void> {
  await db
    .insert(usageAnomalyChecks)
    .values({ accountId, checkedThrough: day })
    .onConflictDoUpdate({ target: usageAnomalyChecks.accountId, set: { checkedThrough: day } });
}

/** Labels with billable calls (to a pack or postpaid) on a CST day. */
export async function labelsBilledOn(db: DbOrTx, accountId: string, day: string): Promise<string[]> {
  const r = await rows<{ label: string }>(
    db,
    sql`select distinct ${usageEvents.label} as label from ${usageEvents}
         where ${usageEvents.accountId} = ${accountId} and ${usageEvents.day} = ${day}
           and ${usageEvents.outcome} in ('pack', 'postpaid')
         order by 1`,
  );
  return r.map((x) => x.label);
}
