import { parseMoney, type TierTable } from '@idv/billing';
import {
  accountMonthlyPriceTiers,
  accounts,
  charges,
  type DbOrTx,
  monthlyPriceTiers,
  packs,
  rows,
  settlements,
  usageEvents,
} from '@idv/db';
import { and, eq, inArray, sql } from 'drizzle-orm';

/**
 * R5.3 Claims a settlement period: the unique key (account, kind, period) makes a second run a
 * no-op. Returns false when the period was already settled.
 */
export async function claimSettlement(
  tx: DbOrTx,
  s: { id: string; accountId: string; kind: 'daily' | 'monthly'; period: string; settledAt: Date },
): Promise<boolean> {
  const inserted = await tx
    .insert(settlements)
    .values({ ...s, amount: '0', calls: 0 })
    .onConflictDoNothing()
    .returning({ id: settlements.id });
  return inserted.length > 0;
}

export async function finishSettlement(tx: DbOrTx, id: string, amount: string, calls: number): Promise<void> {
  await tx.update(settlements).set({ amount, calls }).where(eq(settlements.id, id));
}

export interface PostpaidLine {
  label: string;
  resourceId: string;
  calls: number;
}

/** R5.1/R5.2 Postpaid calls of the CST days [from, to] per label and resource. */
export async function postpaidLines(tx: DbOrTx, accountId: string, from: string, to: string): Promise<PostpaidLine[]> {
  const list = await rows<PostpaidLine>(
    tx,
    sql`select label, resource_id as "resourceId", count(*)::int as calls from ${usageEvents}
        where ${usageEvents.accountId} = ${accountId} and ${usageEvents.outcome} = 'postpaid'
          and ${usageEvents.day} between ${from} and ${to}
        group by label, resource_id order by label, resource_id`,
  );
  return list.map((r) => ({ ...r, calls: Number(r.calls) }));
}

export interface PackDeductionLine {
  packId: bigint;
  orderId: string | null;
  label: string;
  resourceId: string;
  calls: number;
}

/** R5.5 Calls each pack took in the CST days [from, to], per resource (zero-cost bill rows). */
export async function packDeductionLines(
  tx: DbOrTx,
  accountId: string,
  from: string,
  to: string,
): Promise<PackDeductionLine[]> {
  const list = await rows<{ packId: string; orderId: string | null; label: string; resourceId: string; calls: number }>(
    tx,
    sql`select e.pack_id::text as "packId", min(p.order_id) as "orderId", e.label, e.resource_id as "resourceId",
               count(*)::int as calls
        from ${usageEvents} e left join ${packs} p on p.id = e.pack_id
        where e.account_id = ${accountId} and e.outcome = 'pack' and e.day between ${from} and ${to}
        group by e.pack_id, e.label, e.resource_id order by e.pack_id, e.resource_id`,
  );
  return list.map((r) => ({ ...r, packId: BigInt(r.packId), calls: Number(r.calls) }));
}

export type ChargeInsert = typeof charges.$inferInsert;

export async function insertCharges(tx: DbOrTx, list: readonly ChargeInsert[]): Promise<void> {
  if (list.length === 0) return;
  await tx.insert(charges).values([...list]);
}

export async function setSettledThrough(tx: DbOrTx, accountId: string, day: string): Promise<void> {
  await tx.update(accounts).set({ settledThrough: day }).where(eq(accounts.id, accountId));
}

/** R6.1 The account enters arrears at `since` (only from 'active'; the caller checked). */
export async function markArrears(tx: DbOrTx, accountId: string, since: Date): Promise<void> {
  await tx
    .update(accounts)
    .set({ status: 'arrears', arrearsSince: since })
    .where(and(eq(accounts.id, accountId), eq(accounts.status, 'active')));
}

/**
 * R5.2 Monthly volume tier tables (阶梯到达) of the given labels for one account: the account's own
 * table of a label (set on a demo tenant) when it has one, else the label's setting
 * (monthly_price_tiers); a label with neither is absent (the plain unit price applies).
 */
export async function monthlyTierTables(
  tx: DbOrTx,
  accountId: string,
  labels: readonly string[],
): Promise<Map<string, TierTable>> {
  const map = new Map<string, TierTable>();
  if (labels.length === 0) return map;
  const [own, setting] = await Promise.all([
    tx
      .select()
      .from(accountMonthlyPriceTiers)
      .where(
        and(eq(accountMonthlyPriceTiers.accountId, accountId), inArray(accountMonthlyPriceTiers.label, [...labels])),
      ),
    tx
      .select()
      .from(monthlyPriceTiers)
      .where(inArray(monthlyPriceTiers.label, [...labels])),
  ]);
  const ownLabels = new Set(own.map((t) => t.label));
  for (const t of [...own, ...setting.filter((x) => !ownLabels.has(x.label))]) {
    const table = map.get(t.label) ?? [];
    table.push({ fromCalls: t.fromCalls, unitPrice: parseMoney(t.unitPrice) });
    map.set(t.label, table);
  }
  return map;
}

/** R5.2 An account's own tier tables (every label), for the demo console. */
export async function accountTierTables(db: DbOrTx, accountId: string) {
  return db
    .select()
    .from(accountMonthlyPriceTiers)
    .where(eq(accountMonthlyPriceTiers.accountId, accountId))
    .orderBy(accountMonthlyPriceTiers.label, accountMonthlyPriceTiers.fromCalls);
}

/** R5.2 Replaces an account's tier table of one label (an empty list removes it). */
export async function replaceAccountTierTable(
  db: DbOrTx,
  accountId: string,
  label: string,
  tiers: readonly { fromCalls: number; unitPrice: string }[],
): Promise<void> {
  await db
    .delete(accountMonthlyPriceTiers)
    .where(and(eq(accountMonthlyPriceTiers.accountId, accountId), eq(accountMonthlyPriceTiers.label, label)));
  if (tiers.length > 0) {
    await db.insert(accountMonthlyPriceTiers).values(tiers.map((t) => ({ accountId, label, ...t })));
  }
}

/** Accounts the real-time scheduler drives; demo tenants run on their own clocks (R9.3). */
export async function realAccountIds(db: DbOrTx): Promise<string[]> {
  const list = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.isDemo, false));
  return list.map((r) => r.id);
}
