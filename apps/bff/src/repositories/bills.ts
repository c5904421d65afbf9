import { accounts, billAggregates, charges, type DbOrTx, resources, rows, settlements, userPreferences } from '@idv/db';
import { and, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * R5.5 bills. Two sources that must agree to the cent:
 * - `charges`: the itemized rows, paged by keyset on (occurred_at desc, id desc) over the
 *   charges_bill_*_idx indexes (one per selective filter);
 * - `bill_aggregates`: per account, month, resource, product, billing mode and transaction type,
 *   maintained by triggers in the same transaction as the charges (migration 0002). Every bill
 *   filter is one of its dimensions, so counts, totals, the overview and the resource-ID bill are
 *   computed from it without touching millions of charges.
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

interface DimColumns {
  accountId: typeof charges.accountId | typeof billAggregates.accountId;
  month: typeof charges.month | typeof billAggregates.month;
  resourceId: typeof charges.resourceId | typeof billAggregates.resourceId;
  product: typeof charges.product | typeof billAggregates.product;
  billingMode: typeof charges.billingMode | typeof billAggregates.billingMode;
  transactionType: typeof charges.transactionType | typeof billAggregates.transactionType;
}

/** The same predicate on charges and on bill_aggregates: this is what makes them reconcile. */
function dimWhere(t: DimColumns, accountId: string, f: Omit<ResolvedBillFilter, 'month'>): SQL[] {
  const where: SQL[] = [eq(t.accountId, accountId)];
  if (f.product) where.push(eq(t.product, f.product));
  if (f.billingMode) where.push(eq(t.billingMode, f.billingMode));
  if (f.transactionType) where.push(eq(t.transactionType, f.transactionType));
  if (f.resourceIds) {
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
const occurredAtUs = sql<string>`(${charges.occurredAt} at time zone 'UTC')::text`;

function afterCursor(after: ItemCursor | undefined): SQL[] {
  if (!after) return [];
  return [
    sql`(${charges.occurredAt}, ${charges.id}) < ((${after.at}::timestamp at time zone 'UTC'), ${after.id.toString()}::bigint)`,
  ];
}

export type BillItemRow = Awaited<ReturnType<typeof listBillItems>>[number];

export async function listBillItems(
  db: DbOrTx,
  accountId: string,
  f: ResolvedBillFilter,
  after: ItemCursor | undefined,
  limit: number,
) {
  return db
    .select({
      id: charges.id,
      occurredAt: charges.occurredAt,
      cursorAt: occurredAtUs,
      month: charges.month,
      resourceId: charges.resourceId,
      alias: resources.alias,
      project: resources.project,
      region: resources.region,
      product: charges.product,
      label: charges.label,
      billingMode: charges.billingMode,
      transactionType: charges.transactionType,
      unitPrice: charges.unitPrice,
      quantity: charges.quantity,
      amount: charges.amount,
      paidCash: charges.paidCash,
      paidIncome: charges.paidIncome,
      paidGift: charges.paidGift,
      paidVoucher: charges.paidVoucher,
      orderId: charges.orderId,
      packId: charges.packId,
      settlementId: charges.settlementId,
    })
    .from(charges)
    .leftJoin(resources, and(eq(resources.id, charges.resourceId), eq(resources.accountId, charges.accountId)))
    .where(and(...dimWhere(charges, accountId, f), eq(charges.month, f.month), ...afterCursor(after)))
    .orderBy(desc(charges.occurredAt), desc(charges.id))
    .limit(limit);
}

// Cheap text operations only (this runs once per exported row): NUMERIC(20,4) as text always has 4
// decimals, so a whole-cent value is its text without the last two zeros, otherwise trailing zeros
// beyond 2 decimals are trimmed: the same strings as the JSON's formatAmount/formatPrice.
const money = (c: SQL | PgColumn) =>
  sql`(case when right(${c}::text, 2) = '00' then left(${c}::text, -2) when right(${c}::text, 1) = '0' then left(${c}::text, -1) else ${c}::text end)`;
const quoted = (c: SQL | PgColumn) => sql`coalesce('"' || replace(${c}, '"', '""') || '"', '')`;
const safeText = (c: SQL | PgColumn) =>
  quoted(sql`(case when left(${c}, 1) in ('=', '+', '-', '@', E'\t', E'\r') then '''' || ${c} else ${c} end)`);

export const CSV_COLUMNS = [
  'id',
  'occurredAt',
  'month',
  'resourceId',
  'alias',
  'project',
  'region',
  'product',
  'label',
  'billingMode',
  'transactionType',
  'unitPrice',
  'quantity',
  'amount',
  'paidCash',
  'paidIncome',
  'paidGift',
  'paidVoucher',
  'orderId',
] as const;

/**
 * CSV lines of the itemized bill, built by the database (one text column per row keeps the
 * driver's work per row minimal: the export target is 100k rows/s). Money is a plain decimal in
 * the same format as the JSON (2 decimals, or up to 4 for prices); text is always quoted, and text
 * the customer typed is prefixed with ' when a spreadsheet would run it as a formula.
 */
const csvLine = sql<string>`concat_ws(',',
  ${charges.id}::text,
  replace(left((${charges.occurredAt} at time zone 'UTC' + interval '8 hours')::text, 19), ' ', 'T') || '+08:00',
  ${charges.month},
  ${safeText(sql`${charges.resourceId}`)},
  ${safeText(resources.alias)},
  ${safeText(sql`${resources.project}`)},
  ${safeText(sql`${resources.region}`)},
  ${quoted(charges.product)},
  ${quoted(charges.label)},
  ${charges.billingMode},
  ${charges.transactionType},
  ${money(charges.unitPrice)},
  ${charges.quantity}::text,
  ${money(charges.amount)},
  ${money(charges.paidCash)},
  ${money(charges.paidIncome)},
  ${money(charges.paidGift)},
  ${money(charges.paidVoucher)},
  ${quoted(charges.orderId)}
)`;

/**
 * The itemized bill as CSV lines, in the order of the screen, fetched in keyset batches so that
 * memory stays bounded by one batch whatever the month's size (and PGlite, which has one
 * connection, is never held by an open cursor between batches).
 */
export async function* billCsvLines(
  db: DbOrTx,
  accountId: string,
  f: ResolvedBillFilter,
  batchSize: number,
): AsyncGenerator<string[]> {
  let after: ItemCursor | undefined;
  for (;;) {
    const batch = await db
      .select({ id: charges.id, cursorAt: occurredAtUs, line: csvLine })
      .from(charges)
      .leftJoin(resources, and(eq(resources.id, charges.resourceId), eq(resources.accountId, charges.accountId)))
      .where(and(...dimWhere(charges, accountId, f), eq(charges.month, f.month), ...afterCursor(after)))
      .orderBy(desc(charges.occurredAt), desc(charges.id))
      .limit(batchSize);
    if (batch.length > 0) yield batch.map((r) => r.line);
    const last = batch.at(-1);
    if (batch.length < batchSize || !last) return;
    after = { at: last.cursorAt, id: last.id };
  }
}

const num = (v: string | number | bigint | null | undefined) => Number.parseInt(String(v ?? '0'), 10);

/** Count and total of every charge matching the filter (from the aggregate). */
export async function billSummary(
  db: DbOrTx,
  accountId: string,
  f: ResolvedBillFilter,
): Promise<{ count: number; total: string }> {
  const [r] = await db
    .select({
      count: sql<string>`coalesce(sum(${billAggregates.rowCount}), 0)::text`,
      total: sql<string>`coalesce(sum(${billAggregates.amount}), 0)::numeric(24,4)::text`,
    })
    .from(billAggregates)
    .where(and(...dimWhere(billAggregates, accountId, f), eq(billAggregates.month, f.month)));
  return { count: num(r?.count), total: r?.total ?? '0' };
}

export interface OverviewRows {
  total: { count: number; total: string };
  byProduct: { product: string; count: number; total: string }[];
  byBillingMode: { billingMode: BillingModeValue; count: number; total: string }[];
  trend: { month: string; total: string }[];
}

/** R5.5 overview: total, by product, by billing mode (grouping sets), and the trend of [from, to]. */
export async function billOverview(
  db: DbOrTx,
  accountId: string,
  f: ResolvedBillFilter,
  trendFrom: string,
): Promise<OverviewRows> {
  const a = billAggregates;
  const where = and(...dimWhere(a, accountId, f), eq(a.month, f.month));
  const groups = await rows<{
    product: string | null;
    billing_mode: BillingModeValue | null;
    g_product: number | string;
    g_mode: number | string;
    count: string | number;
    total: string;
  }>(
    db,
    sql`select ${a.product} as product, ${a.billingMode} as billing_mode,
               grouping(${a.product}) as g_product, grouping(${a.billingMode}) as g_mode,
               sum(${a.rowCount})::text as count, sum(${a.amount})::numeric(24,4)::text as total
          from ${a} where ${where}
         group by grouping sets ((${a.product}), (${a.billingMode}), ())
        having sum(${a.rowCount}) > 0`,
  );
  const trendWhere = and(...dimWhere(a, accountId, f), sql`${a.month} between ${trendFrom} and ${f.month}`);
  const trend = await rows<{ month: string; total: string }>(
    db,
    sql`select ${a.month} as month, sum(${a.amount})::numeric(24,4)::text as total
          from ${a} where ${trendWhere} group by ${a.month} order by ${a.month}`,
  );
  const out: OverviewRows = { total: { count: 0, total: '0' }, byProduct: [], byBillingMode: [], trend };
  for (const g of groups) {
    const gp = num(g.g_product);
    const gm = num(g.g_mode);
    const cell = { count: num(g.count), total: g.total };
    if (gp === 1 && gm === 1) out.total = cell;
    else if (gp === 0 && g.product !== null) out.byProduct.push({ product: g.product, ...cell });
    else if (gm === 0 && g.billing_mode !== null) out.byBillingMode.push({ billingMode: g.billing_mode, ...cell });
  }
  return out;
}

export interface ResourceBillRow {
  resourceId: string | null;
  alias: string | null;
  project: string | null;
  region: string | null;
  product: string;
  total: string;
  count: number;
  quantity: number;
}

/** Keyset position in the resource-ID bill: total desc, then resource id (account-wide first), product. */
export interface ResourceCursor {
  total: string;
  resourceKey: string;
  product: string;
}

/**
 * R5.5 resource-ID bill: one row per resource and product (account-wide rows have resource id
 * null), ordered by total desc, then resource id, then product; keyset on that order. Computed
 * from the aggregate, which is small (resources × products × modes × types per month).
 */
export async function listResourceBill(
  db: DbOrTx,
  accountId: string,
  f: ResolvedBillFilter,
  after: ResourceCursor | undefined,
  limit: number,
): Promise<{ rows: ResourceBillRow[]; summary: { count: number; total: string; rows: number } }> {
  const a = billAggregates;
  const where = and(...dimWhere(a, accountId, f), eq(a.month, f.month));
  const keyset = after
    ? sql`where total < ${after.total}::numeric or (total = ${after.total}::numeric and (resource_key, product) > (${after.resourceKey}, ${after.product}))`
    : sql``;
  const list = await rows<{
    resource_id: string | null;
    alias: string | null;
    project: string | null;
    region: string | null;
    product: string | null;
    total: string | null;
    count: string | number | null;
    quantity: string | number | null;
    all_rows: string | number;
    all_count: string | number;
    all_total: string;
  }>(
    db,
    sql`with g as (
          select ${a.resourceId} as resource_id, coalesce(${a.resourceId}, '') as resource_key, ${a.product} as product,
                 sum(${a.amount})::numeric(24,4) as total, sum(${a.rowCount}) as count, sum(${a.quantity}) as quantity
            from ${a} where ${where}
           group by ${a.resourceId}, ${a.product}
          having sum(${a.rowCount}) > 0
        ), s as (
          select count(*) as all_rows, coalesce(sum(count), 0) as all_count, coalesce(sum(total), 0)::numeric(24,4) as all_total from g
        )
        select g.resource_id, r.alias, r.project, r.region, g.product, g.total::text as total,
               g.count::text as count, g.quantity::text as quantity,
               s.all_rows::text as all_rows, s.all_count::text as all_count, s.all_total::text as all_total
          from s left join lateral (
            select * from g ${keyset} order by total desc, resource_key, product limit ${limit}
          ) g on true
          left join ${resources} r on r.id = g.resource_id and r.account_id = ${accountId}
         order by g.total desc, g.resource_key, g.product`,
  );
  const first = list[0];
  const summary = {
    rows: num(first?.all_rows),
    count: num(first?.all_count),
    total: first?.all_total ?? '0',
  };
  const out: ResourceBillRow[] = [];
  for (const r of list) {
    // The lateral join yields one all-null row when nothing matches: that row carries only the summary.
    if (r.product === null || r.total === null) continue;
    out.push({
      resourceId: r.resource_id,
      alias: r.alias,
      project: r.project,
      region: r.region,
      product: r.product,
      total: r.total,
      count: num(r.count),
      quantity: num(r.quantity),
    });
  }
  return { summary, rows: out };
}

/**
 * A month is settled (final, R5.1/R5.2) once its last day has been settled (daily accounts) or the
 * monthly settlement of that period exists.
 */
export async function isMonthSettled(db: DbOrTx, accountId: string, lastDay: string, month: string): Promise<boolean> {
  const [acct] = await db
    .select({ settledThrough: accounts.settledThrough })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  if (acct?.settledThrough && acct.settledThrough >= lastDay) return true;
  const [m] = await db
    .select({ id: settlements.id })
    .from(settlements)
    .where(and(eq(settlements.accountId, accountId), eq(settlements.kind, 'monthly'), eq(settlements.period, month)))
    .limit(1);
  return m !== undefined;
}

export async function getUserPreference(db: DbOrTx, userId: string, key: string): Promise<string | null> {
  const [r] = await db
    .select({ value: userPreferences.value })
    .from(userPreferences)
    .where(and(eq(userPreferences.userId, userId), eq(userPreferences.key, key)));
  return r?.value ?? null;
}

export async function setUserPreference(db: DbOrTx, userId: string, key: string, value: string): Promise<void> {
  await db
    .insert(userPreferences)
    .values({ userId, key, value })
    .onConflictDoUpdate({ target: [userPreferences.userId, userPreferences.key], set: { value } });
}
