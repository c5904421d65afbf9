import { autoTopupRules, type DbOrTx, orders, packs } from '@idv/db';
import { and, count, eq, gt, gte, inArray, lt, sql } from 'drizzle-orm';

export type AutoTopupRow = typeof autoTopupRules.$inferSelect;

export async function listAutoTopupRules(db: DbOrTx, accountId: string): Promise<AutoTopupRow[]> {
  return db.select().from(autoTopupRules).where(eq(autoTopupRules.accountId, accountId)).orderBy(autoTopupRules.label);
}

/** R10.2 The enabled rules of these labels: the cheap first look after every usage batch. */
export async function enabledRulesOf(db: DbOrTx, accountId: string, labels: readonly string[]): Promise<string[]> {
  if (labels.length === 0) return [];
  const r = await db
    .select({ label: autoTopupRules.label })
    .from(autoTopupRules)
    .where(
      and(
        eq(autoTopupRules.accountId, accountId),
        inArray(autoTopupRules.label, [...labels]),
        eq(autoTopupRules.enabled, true),
      ),
    );
  return r.map((x) => x.label);
}

/** The rule row, locked for the rest of the transaction (the caller already holds lockAccount). */
export async function lockAutoTopupRule(tx: DbOrTx, accountId: string, label: string): Promise<AutoTopupRow | null> {
  const [r] = await tx
    .select()
    .from(autoTopupRules)
    .where(and(eq(autoTopupRules.accountId, accountId), eq(autoTopupRules.label, label)))
    .for('update');
  return r ?? null;
}

export async function upsertAutoTopupRule(
  db: DbOrTx,
  row: Omit<AutoTopupRow, 'armed' | 'crossings'>,
): Promise<AutoTopupRow> {
  const [r] = await db
    .insert(autoTopupRules)
    .values({ ...row, armed: true, crossings: 0 })
    .onConflictDoUpdate({
      target: [autoTopupRules.accountId, autoTopupRules.label],
      // A changed rule starts a fresh watch: it acts on the next time the remaining is below N.
      set: {
        enabled: row.enabled,
        belowCalls: row.belowCalls,
        size: row.size,
        quantity: row.quantity,
        monthlyLimit: row.monthlyLimit,
        armed: true,
        updatedAt: row.updatedAt,
      },
    })
    .returning();
  if (!r) throw new Error('auto top-up upsert returned nothing');
  return r;
}

export async function deleteAutoTopupRule(db: DbOrTx, accountId: string, label: string): Promise<boolean> {
  const r = await db
    .delete(autoTopupRules)
    .where(and(eq(autoTopupRules.accountId, accountId), eq(autoTopupRules.label, label)))
    .returning({ label: autoTopupRules.label });
  return r.length === 1;
}

export async function setAutoTopupState(
  tx: DbOrTx,
  accountId: string,
  label: string,
  s: { armed: boolean; crossings?: number },
): Promise<void> {
  await tx
    .update(autoTopupRules)
    .set(s)
    .where(and(eq(autoTopupRules.accountId, accountId), eq(autoTopupRules.label, label)));
}

/** R10.2 "the remaining calls of my active packs of this label": active, unexpired packs at `now`. */
export async function remainingCalls(db: DbOrTx, accountId: string, label: string, now: Date): Promise<number> {
  const [r] = await db
    .select({ n: sql<string>`coalesce(sum(${packs.total} - ${packs.used}), 0)` })
    .from(packs)
    .where(
      and(eq(packs.accountId, accountId), eq(packs.label, label), eq(packs.status, 'active'), gt(packs.expiresAt, now)),
    );
  return Number(r?.n ?? 0);
}

/** R10.2 Orders placed by the rules of this account in [start, end), per label (the monthly limit). */
export async function autoTopupOrdersPerLabel(
  db: DbOrTx,
  accountId: string,
  range: { start: Date; end: Date },
): Promise<Map<string, number>> {
  const r = await db
    .select({ label: orders.label, n: count() })
    .from(orders)
    .where(
      and(
        eq(orders.accountId, accountId),
        eq(orders.trigger, 'auto_topup'),
        gte(orders.createdAt, range.start),
        lt(orders.createdAt, range.end),
      ),
    )
    .groupBy(orders.label);
  return new Map(r.map((x) => [x.label, Number(x.n)]));
}

/**
 * R10.2 After a delivery of this label (a manual order, or the rule's own): the rule is re-armed when
 * the remaining is back at or above its threshold, so the next drop below it is a new crossing.
 */
export async function rearmAutoTopup(tx: DbOrTx, accountId: string, label: string, now: Date): Promise<void> {
  await tx.execute(sql`
    update auto_topup_rules r set armed = true
    where r.account_id = ${accountId} and r.label = ${label} and not r.armed
      and r.below_calls <= (
        select coalesce(sum(p.total - p.used), 0) from packs p
        where p.account_id = ${accountId} and p.label = ${label} and p.status = 'active' and p.expires_at > ${now.toISOString()}::timestamptz
      )`);
}
