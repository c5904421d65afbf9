import type { Readable } from 'node:stream';
import { charges, type DbOrTx, resources } from '@idv/db';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { type CsvColumn, type CsvWords, csvSource, csvValues } from './csv.ts';
import { dimWhere, type ResolvedBillFilter } from './filters.ts';

/**
 * The CSV's columns as separate values for `COPY … TO STDOUT (FORMAT csv)` on PostgreSQL: the same
 * strings as csvLine (csv.ts), but quoting is left to COPY (FORCE_QUOTE on the text columns: a non-null
 * value is always quoted with embedded quotes doubled, null is an empty unquoted field, exactly
 * like csvLine). NUMERIC(20,4) money keeps at least 2 and at most 4 decimals, trailing zeros
 * trimmed: round(x, greatest(2, min_scale(x))) is the same string as csvLine's text trimming.
 */
const copyMoney = (c: PgColumn) => sql`round(${c}, greatest(2, min_scale(${c})))`;
const copyText = (c: SQL | PgColumn) =>
  sql`(case when left(${c}, 1) in ('=', '+', '-', '@', E'\t', E'\r') then '''' || ${c} else ${c} end)`;
const CSV_QUOTED: readonly CsvColumn[] = ['resourceId', 'alias', 'project', 'region', 'product', 'label', 'orderId'];

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
  } satisfies Record<CsvColumn, unknown>;
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
