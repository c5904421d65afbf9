import { CHARGE_COLUMN_IDS } from '@idv/contracts';
import { billingLabels, charges, type DbOrTx, resources, settlements } from '@idv/db';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { afterCursor, dimWhere, type ItemCursor, occurredAtUs, type ResolvedBillFilter } from './filters.ts';

/**
 * R5.5 The itemized bill as CSV, the portable path (PGlite and PostgreSQL): keyset batches of lines
 * built by the database. csv-copy.ts is the PostgreSQL fast path; both read csvValues and csvSource.
 */

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
  ...CHARGE_COLUMN_IDS,
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

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
  headers: Record<CsvColumn, string>;
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
export function csvValues(w: CsvWords) {
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
export function csvSource(db: DbOrTx, select: Record<string, unknown>) {
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
