import { billAggregates, billMonthAggregates, charges, type DbOrTx, resources } from '@idv/db';
import { and, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * R5.5 bills. Two sources that must agree to the cent:
 * - `charges`: the itemized rows, paged by keyset on (occurred_at desc, id desc) over the
 *   charges_bill_*_idx indexes (one per selective filter);
 * - `bill_aggregates`: per account, month, resource, product, billing mode and transaction type,
 *   maintained by triggers in the same transaction as the charges (migration 0002). Every bill
 *   filter is one of its dimensions, so counts, totals, the overview and the resource-ID bill are
 *   computed from it without touching millions of charges.
 *
 * This file holds what every bill query shares: the resolved filter, the one predicate applied to all
 * three tables (dimWhere), the summary level that answers a filter, and the itemized keyset. The
 * queries: items.ts (itemized pages), overview.ts (count and total, overview, settled month),
 * resource-bill.ts (resource-ID bill), csv.ts and csv-copy.ts (the two CSV export paths).
 */

export type BillingModeValue = 'prepaid' | 'postpaid';
export type TransactionTypeValue = 'purchase' | 'refund' | 'daily_settlement' | 'monthly_settlement' | 'pack_deduction';

/** A bill filter with the resource filters (project, region, q) already resolved to resource ids. */
export interface ResolvedBillFilter {
  month: string;
  product?: string | undefined;
  billingMode?: BillingModeValue | undefined;
  transactionType?: TransactionTypeValue | undefined;
  /** null: no resource filter; otherwise only these resources (never the account-wide rows). */
  resourceIds: string[] | null;
}

type AggTable = typeof billAggregates | typeof billMonthAggregates;
interface DimColumns {
  accountId: PgColumn;
  month: PgColumn;
  /** Absent on bill_month_aggregates, which is only read without a resource filter. */
  resourceId?: PgColumn;
  product: PgColumn;
  billingMode: PgColumn;
  transactionType: PgColumn;
}

/**
 * The summary level that answers a filter: bill_month_aggregates (no resource dimension, a few
 * hundred rows per account-year) when there is no resource filter, bill_aggregates otherwise.
 */
export function aggFor(f: Pick<ResolvedBillFilter, 'resourceIds'>): AggTable {
  return f.resourceIds === null ? billMonthAggregates : billAggregates;
}

/**
 * The same predicate on charges, bill_aggregates and bill_month_aggregates: this is what makes them
 * reconcile.
 */
export function dimWhere(t: DimColumns, accountId: string, f: Omit<ResolvedBillFilter, 'month'>): SQL[] {
  const where: SQL[] = [eq(t.accountId, accountId)];
  if (f.product) where.push(eq(t.product, f.product));
  if (f.billingMode) where.push(eq(t.billingMode, f.billingMode));
  if (f.transactionType) where.push(eq(t.transactionType, f.transactionType));
  if (f.resourceIds) {
    if (!t.resourceId) throw new Error('resource filter on a summary without the resource dimension');
    // One id is an equality (the planner then walks charges_bill_resource_idx in order).
    const [only] = f.resourceIds;
    where.push(
      f.resourceIds.length === 1 && only !== undefined ? eq(t.resourceId, only) : inArray(t.resourceId, f.resourceIds),
    );
  }
  return where;
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

/**
 * Resource ids matching project, region and q (resource id or alias, case-insensitive substring),
 * within the account only. A q that is not a registered resource still matches charges carrying
 * exactly that resource id.
 */
export async function resolveResourceIds(
  db: DbOrTx,
  accountId: string,
  f: { project?: string | undefined; region?: string | undefined; q?: string | undefined },
): Promise<string[] | null> {
  if (!f.project && !f.region && !f.q) return null;
  const where: SQL[] = [eq(resources.accountId, accountId)];
  if (f.project) where.push(eq(resources.project, f.project));
  if (f.region) where.push(eq(resources.region, f.region));
  if (f.q) {
    const p = likePattern(f.q);
    const m = or(ilike(resources.id, p), ilike(resources.alias, p));
    if (m) where.push(m);
  }
  const found = await db
    .select({ id: resources.id })
    .from(resources)
    .where(and(...where));
  const ids = new Set(found.map((r) => r.id));
  if (f.q && !f.project && !f.region) ids.add(f.q);
  return [...ids].sort();
}

/** Keyset position in the itemized bill: occurred_at with microseconds (UTC timestamp text) and id. */
export interface ItemCursor {
  at: string;
  id: bigint;
}

/** occurred_at in UTC with its microseconds ('2026-11-05 04:34:56.123456'): a Date would lose them. */
export const occurredAtUs = sql<string>`(${charges.occurredAt} at time zone 'UTC')::text`;

export function afterCursor(after: ItemCursor | undefined): SQL[] {
  if (!after) return [];
  return [
    sql`(${charges.occurredAt}, ${charges.id}) < ((${after.at}::timestamp at time zone 'UTC'), ${after.id.toString()}::bigint)`,
  ];
}

/** A count or sum read as text (bigint sums come back as strings): an integer. */
export const num = (v: string | number | bigint | null | undefined) => Number.parseInt(String(v ?? '0'), 10);
