import type { Readable } from 'node:stream';
import {
  accounts,
  billAggregates,
  billingLabels,
  billMonthAggregates,
  charges,
  type DbOrTx,
  resources,
  rows,
  settlements,
  userPreferences,
} from '@idv/db';
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
function aggFor(f: Pick<ResolvedBillFilter, 'resourceIds'>): AggTable {
  return f.resourceIds === null ? billMonthAggregates : billAggregates;
}

/**
 * The same predicate on charges, bill_aggregates and bill_month_aggregates: this is what makes them
 * reconcile.
 */
function dimWhere(t: DimColumns, accountId: string, f: Omit<ResolvedBillFilter, 'month'>): SQL[] {
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
const occurredAtUs = sql<string>`(${charges.occurredAt} at time zone 'UTC')::text`;

function afterCursor(after: ItemCursor | undefined): SQL[] {
  if (!after) return [];
  return [
    sql`(${charges.occurredAt}, ${charges.id}) < ((${after.at}::timestamp at time zone 'UTC'), ${after.id.toString()}::bigint)`,
  ];
}

export type BillItemRow = Awaited<ReturnType<typeof listBillItems>>[number];

/** Up to this many resources, a resource-filtered page walks each resource's index range (below). */
const PER_RESOURCE_WALK_MAX = 100;

/**
 * The ids of one page of a filter on several resources (project, region, q): the first `limit` rows
 * of each resource after the cursor, each one backward range scan of charges_bill_resource_idx,
 * merged by (occurred_at desc, id desc). The first `limit` of the merge are exactly the page, at
 * most resources × limit index entries however deep the cursor or however rare the resources
 * (walking the month's time index and filtering would read rows until `limit` of them match).
 */
function perResourcePage(accountId: string, f: ResolvedBillFilter, after: ItemCursor | undefined, limit: number): SQL {
  const ids = sql.join(
    (f.resourceIds ?? []).map((id) => sql`${id}`),
    sql`, `,
  );
  const dims: SQL[] = [];
  if (f.product) dims.push(sql` and c.product = ${f.product}`);
  if (f.billingMode) dims.push(sql` and c.billing_mode = ${f.billingMode}`);
  if (f.transactionType) dims.push(sql` and c.transaction_type = ${f.transactionType}`);
  const cursor = after
    ? sql` and (c.occurred_at, c.id) < ((${after.at}::timestamp at time zone 'UTC'), ${after.id.toString()}::bigint)`
    : sql``;
  return sql`${charges.id} in (
    select w.id from unnest(array[${ids}]::text[]) as r(resource_id)
     cross join lateral (
       select c.id, c.occurred_at from ${charges} c
        where c.account_id = ${accountId} and c.month = ${f.month} and c.resource_id = r.resource_id${sql.join(dims)}${cursor}
        order by c.occurred_at desc, c.id desc limit ${limit}
     ) w
     order by w.occurred_at desc, w.id desc limit ${limit})`;
}

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
    .where(
      and(
        ...dimWhere(charges, accountId, f),
        eq(charges.month, f.month),
        ...afterCursor(after),
        ...(f.resourceIds && f.resourceIds.length > 1 && f.resourceIds.length <= PER_RESOURCE_WALK_MAX
          ? [perResourcePage(accountId, f, after, limit)]
          : []),
      ),
    )
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
  'usageDate',
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
function csvLine(w: CsvWords) {
  const v = csvValues(w);
  return sql<string>`concat_ws(',',
  ${charges.id}::text,
  replace(left((${charges.occurredAt} at time zone 'UTC' + interval '8 hours')::text, 19), ' ', 'T') || '+08:00',
  coalesce(${v.usageDate}, ''),
  ${charges.month},
  ${safeText(sql`${charges.resourceId}`)},
  ${safeText(resources.alias)},
  ${safeText(sql`${resources.project}`)},
  ${safeText(sql`${resources.region}`)},
  ${quoted(v.product)},
  ${quoted(v.label)},
  ${v.billingMode},
  ${v.transactionType},
  ${money(charges.unitPrice)},
  ${charges.quantity}::text,
  ${money(charges.amount)},
  ${money(charges.paidCash)},
  ${money(charges.paidIncome)},
  ${money(charges.paidGift)},
  ${money(charges.paidVoucher)},
  ${quoted(charges.orderId)}
)`;
}

/** R5.5 The words of the CSV in the reader's language (built by the use case; plain data here). */
export interface CsvWords {
  lang: 'zh-CN' | 'en';
  headers: Record<(typeof CSV_COLUMNS)[number], string>;
  products: Record<string, string>;
  extraLabels: Record<string, string>;
  billingModes: Record<string, string>;
  transactionTypes: Record<string, string>;
}

/** `case c when 'code' then 'word' … else c end`: a code without a word stays the code. */
function translate(c: SQL | PgColumn, words: Record<string, string>): SQL {
  const whens = Object.entries(words).map(([k, v]) => sql`when ${k} then ${v}`);
  return whens.length === 0 ? sql`${c}` : sql`(case ${c} ${sql.join(whens, sql` `)} else ${c} end)`;
}

/**
 * R5.5 The localized values, the same SQL for both export paths: product, label (the catalog's name,
 * else the extra words, else the code), billing mode and transaction type words, and the usage date
 * of a settlement line (its settlement's period: the CST day for daily, the month for monthly; a line
 * without a settlement row falls back to R5.1/R5.2: a daily settlement on D+1 bills day D, a monthly
 * one bills the row's month; null for purchases and refunds, which are not usage).
 */
function csvValues(w: CsvWords) {
  return {
    usageDate: sql<string | null>`coalesce(${settlements.period}, case ${charges.transactionType}
      when 'daily_settlement' then to_char((${charges.occurredAt} at time zone 'UTC' + interval '8 hours' - interval '1 day')::date, 'YYYY-MM-DD')
      when 'monthly_settlement' then ${charges.month} end)`,
    product: translate(charges.product, w.products),
    label: sql`coalesce(${w.lang === 'en' ? billingLabels.nameEn : billingLabels.nameZh}, ${translate(charges.label, w.extraLabels)})`,
    billingMode: translate(charges.billingMode, w.billingModes),
    transactionType: translate(charges.transactionType, w.transactionTypes),
  };
}

/** The joins csvValues reads: the row's resource, its label in the catalog and its settlement. */
function csvSource(db: DbOrTx, select: Record<string, unknown>) {
  return db
    .select(select as never)
    .from(charges)
    .leftJoin(resources, and(eq(resources.id, charges.resourceId), eq(resources.accountId, charges.accountId)))
    .leftJoin(billingLabels, eq(billingLabels.code, charges.label))
    .leftJoin(settlements, and(eq(settlements.id, charges.settlementId), eq(settlements.accountId, charges.accountId)));
}

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
  words: CsvWords,
): AsyncGenerator<string[]> {
  let after: ItemCursor | undefined;
  const line = csvLine(words);
  for (;;) {
    const batch: { id: bigint; cursorAt: string; line: string }[] = await csvSource(db, {
      id: charges.id,
      cursorAt: occurredAtUs,
      line,
    })
      .where(and(...dimWhere(charges, accountId, f), eq(charges.month, f.month), ...afterCursor(after)))
      .orderBy(desc(charges.occurredAt), desc(charges.id))
      .limit(batchSize);
    if (batch.length > 0) yield batch.map((r) => r.line);
    const last = batch.at(-1);
    if (batch.length < batchSize || !last) return;
    after = { at: last.cursorAt, id: last.id };
  }
}

/**
 * The CSV's columns as separate values for `COPY … TO STDOUT (FORMAT csv)` on PostgreSQL: the same
 * strings as csvLine above, but quoting is left to COPY (FORCE_QUOTE on the text columns: a non-null
 * value is always quoted with embedded quotes doubled, null is an empty unquoted field, exactly
 * like csvLine). NUMERIC(20,4) money keeps at least 2 and at most 4 decimals, trailing zeros
 * trimmed: round(x, greatest(2, min_scale(x))) is the same string as csvLine's text trimming.
 */
const copyMoney = (c: PgColumn) => sql`round(${c}, greatest(2, min_scale(${c})))`;
const copyText = (c: SQL | PgColumn) =>
  sql`(case when left(${c}, 1) in ('=', '+', '-', '@', E'\t', E'\r') then '''' || ${c} else ${c} end)`;
const CSV_QUOTED: readonly (typeof CSV_COLUMNS)[number][] = [
  'resourceId',
  'alias',
  'project',
  'region',
  'product',
  'label',
  'orderId',
];

/** postgres.js behind a Drizzle handle (the COPY protocol); null on PGlite. */
type CopyConnection = { unsafe(query: string): { readable(): Promise<Readable> } & PromiseLike<unknown> };
type CopyClient = { reserve(): Promise<CopyConnection & { release(): void }> };
function copyClient(db: DbOrTx): CopyClient | null {
  const c = (db as { $client?: unknown }).$client;
  return typeof c === 'function' && typeof (c as { reserve?: unknown }).reserve === 'function'
    ? (c as unknown as CopyClient)
    : null;
}

/** A string literal that means the same whatever standard_conforming_strings is (COPY takes no parameters). */
function literal(v: unknown): string {
  if (typeof v !== 'string') throw new Error(`unexpected COPY parameter ${typeof v}`);
  return `E'${v.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

export interface BillCsvCopy {
  /** The rows as CSV with LF line ends (COPY's), in the itemized bill's order. */
  stream: Readable;
  /** Stops the export early (the client went away): reads the rest away, freeing the connection. */
  cancel(): void;
}

/**
 * PostgreSQL only (null on PGlite): the itemized bill's CSV rows streamed by `COPY (SELECT …) TO
 * STDOUT` — the same filter (dimWhere), the same order, the same strings as billCsvLines, but no
 * per-row work in Node and no round trip per batch. One pooled connection is held for the export;
 * the driver pauses the socket when the consumer does not read (backpressure), so memory stays
 * bounded whatever the month's size.
 */
export async function openBillCsvCopy(
  db: DbOrTx,
  accountId: string,
  f: ResolvedBillFilter,
  words: CsvWords,
): Promise<BillCsvCopy | null> {
  const client = copyClient(db);
  if (!client) return null;
  const v = csvValues(words);
  const cols = {
    id: sql`${charges.id}`.as('id'),
    occurredAt:
      sql`replace(left((${charges.occurredAt} at time zone 'UTC' + interval '8 hours')::text, 19), ' ', 'T') || '+08:00'`.as(
        'occurredAt',
      ),
    usageDate: sql`${v.usageDate}`.as('usageDate'),
    month: sql`${charges.month}`.as('month'),
    resourceId: sql`${copyText(sql`${charges.resourceId}`)}`.as('resourceId'),
    alias: sql`${copyText(resources.alias)}`.as('alias'),
    project: sql`${copyText(sql`${resources.project}`)}`.as('project'),
    region: sql`${copyText(sql`${resources.region}`)}`.as('region'),
    product: sql`${v.product}`.as('product'),
    label: sql`${v.label}`.as('label'),
    billingMode: sql`${v.billingMode}`.as('billingMode'),
    transactionType: sql`${v.transactionType}`.as('transactionType'),
    unitPrice: copyMoney(charges.unitPrice).as('unitPrice'),
    quantity: sql`${charges.quantity}`.as('quantity'),
    amount: copyMoney(charges.amount).as('amount'),
    paidCash: copyMoney(charges.paidCash).as('paidCash'),
    paidIncome: copyMoney(charges.paidIncome).as('paidIncome'),
    paidGift: copyMoney(charges.paidGift).as('paidGift'),
    paidVoucher: copyMoney(charges.paidVoucher).as('paidVoucher'),
    orderId: sql`${charges.orderId}`.as('orderId'),
  } satisfies Record<(typeof CSV_COLUMNS)[number], unknown>;
  const q = csvSource(db, cols)
    .where(and(...dimWhere(charges, accountId, f), eq(charges.month, f.month)))
    .orderBy(desc(charges.occurredAt), desc(charges.id))
    .toSQL();
  // Drizzle numbers its parameters $1…$n and writes no other "$" in this query.
  const select = q.sql.replace(/\$(\d+)/g, (_, n: string) => literal(q.params[Number(n) - 1]));
  const forceQuote = CSV_QUOTED.map((c) => `"${c}"`).join(', ');
  // A reserved connection: the pool would otherwise queue other requests' queries behind the COPY
  // on it (postgres.js pipelines onto busy connections), and those fail with COPY_IN_PROGRESS.
  const conn = await client.reserve();
  let stream: Readable;
  try {
    stream = await conn.unsafe(`copy (${select}) to stdout with (format csv, force_quote (${forceQuote}))`).readable();
  } catch (err) {
    conn.release();
    throw err;
  }
  // postgres.js pauses its socket when the stream's buffer is full and resumes it only when the
  // stream asks for more (its _read); if the last rows and CopyDone came in the chunk that paused it,
  // the stream ends with the socket still paused and the connection never sees ReadyForQuery (it
  // would be lost to the pool). Resume it once the rows are read.
  const resumeSocket = (stream as unknown as { _read(): void })._read.bind(stream);
  stream.once('end', () => {
    resumeSocket();
    conn.release();
  });
  return {
    stream,
    cancel() {
      // Destroying the driver's stream would leave its socket paused mid-COPY (a lost connection),
      // and a cancel request races with the connection's next query once the COPY is done: read
      // the rest away (the server finishes the statement) until the connection is ready again.
      // A read may be waiting on 'readable' when the client goes away (Node 22+ cancels a web stream
      // while its pull is pending): with a 'readable' listener attached, resume() does nothing and the
      // connection would stay in COPY. Drop those listeners first so the rest really flows away.
      stream.removeAllListeners('readable');
      stream.on('error', () => {});
      stream.resume();
      resumeSocket();
    },
  };
}

const num = (v: string | number | bigint | null | undefined) => Number.parseInt(String(v ?? '0'), 10);

/** Count and total of every charge matching the filter (from the aggregate). */
export async function billSummary(
  db: DbOrTx,
  accountId: string,
  f: ResolvedBillFilter,
): Promise<{ count: number; total: string }> {
  const a = aggFor(f);
  const [r] = await db
    .select({
      count: sql<string>`coalesce(sum(${a.rowCount}), 0)::text`,
      total: sql<string>`coalesce(sum(${a.amount}), 0)::numeric(24,4)::text`,
    })
    .from(a)
    .where(and(...dimWhere(a, accountId, f), eq(a.month, f.month)));
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
  const a = aggFor(f);
  const where = and(...dimWhere(a, accountId, f), eq(a.month, f.month));
  const trendWhere = and(...dimWhere(a, accountId, f), sql`${a.month} between ${trendFrom} and ${f.month}`);
  const [groups, trend] = await Promise.all([
    rows<{
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
    ),
    rows<{ month: string; total: string }>(
      db,
      sql`select ${a.month} as month, sum(${a.amount})::numeric(24,4)::text as total
            from ${a} where ${trendWhere} group by ${a.month} order by ${a.month}`,
    ),
  ]);
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
