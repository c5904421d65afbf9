import type { BillFilters } from '@idv/contracts';
import type { Deps } from '../../deps.ts';
import { billCsvLines, CSV_COLUMNS } from '../../repositories/bills/csv.ts';
import { type BillCsvCopy, openBillCsvCopy } from '../../repositories/bills/csv-copy.ts';
import { isMonthSettled } from '../../repositories/bills/overview.ts';
import { type CsvLang, csvWords } from './bill-csv-words.ts';
import { lastDayOfMonth, matchesNothing, resolveBillFilter } from './bills-shared.ts';

/** Rows per database round trip: bounds the BFF's memory whatever the month's size. */
export const CSV_BATCH_ROWS = 5_000;

export interface BillCsv {
  filename: string;
  settled: boolean;
  body: ReadableStream<Uint8Array>;
}

const BOM = '\uFEFF';
const EOL = '\r\n';

/**
 * R5.5 CSV download of the itemized bill: the same filters and rows, in the same order, as
 * GET /bills/items; UTF-8 with a BOM (spreadsheet programs then read Chinese aliases correctly), a
 * header row, money as plain decimals. Streamed, never the whole month in memory, pull-based (the
 * next rows are read only when the client has taken the previous ones): on PostgreSQL by one COPY on a
 * reserved connection, on PGlite in keyset batches (decision 0004).
 * Decision 0004: any month can be downloaded; a month not yet settled is marked "provisional" in
 * the file name (and X-Bill-Settled: false), because its rows can still change.
 * R5.5 in the reader's language (`lang`): header row, product and label names, billing mode and
 * transaction type words, and a usage-date column (the settled day or month of a settlement line).
 */
export async function exportBillItemsCsv(
  deps: Deps,
  accountId: string,
  q: BillFilters,
  lang: CsvLang = 'zh-CN',
): Promise<BillCsv> {
  const words = csvWords(lang);
  const header = BOM + CSV_COLUMNS.map((c) => words.headers[c]).join(',') + EOL;
  const f = await resolveBillFilter(deps.db, accountId, q);
  const settled = await isMonthSettled(deps.db, accountId, lastDayOfMonth(q.month), q.month);
  const filename = settled ? `bill-${q.month}.csv` : `bill-${q.month}-provisional.csv`;
  // PostgreSQL: COPY streams the rows (100k+ rows/s); PGlite: keyset batches of formatted lines.
  const copy = matchesNothing(f) ? null : await openBillCsvCopy(deps.db, accountId, f, words);
  if (copy) return { filename, settled, body: copyBody(copy, header) };
  const encoder = new TextEncoder();
  const lines = matchesNothing(f) ? null : billCsvLines(deps.db, accountId, f, CSV_BATCH_ROWS, words);
  let headerSent = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(header));
        return;
      }
      const next = lines ? await lines.next() : { done: true as const, value: undefined };
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.join(EOL) + EOL));
    },
    async cancel() {
      await lines?.return(undefined);
    },
  });
  return { filename, settled, body };
}

/**
 * COPY's CSV ends lines with LF; the download ends them with CRLF. A quote opens or closes a quoted
 * field (an escaped quote is two of them, which toggles twice), so an LF outside quotes ends a row
 * and one inside a quoted value is kept as it is, exactly as the batched lines keep it.
 */
export function crlfOutsideQuotes(state: { inQuote: boolean }): (chunk: Uint8Array) => Uint8Array {
  return (chunk) => {
    const out = new Uint8Array(chunk.length * 2);
    let inQuote = state.inQuote;
    let o = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i] as number;
      if (b === 0x22) inQuote = !inQuote;
      else if (b === 0x0a && !inQuote) out[o++] = 0x0d;
      out[o++] = b;
    }
    state.inQuote = inQuote;
    return out.subarray(0, o);
  };
}

/** Reads the driver's COPY stream on demand: the next chunk is read only when the client wants it. */
function copyBody(copy: BillCsvCopy, header: string): ReadableStream<Uint8Array> {
  const { stream } = copy;
  const toCrlf = crlfOutsideQuotes({ inQuote: false });
  const next = (): Promise<Buffer | null> =>
    new Promise((resolve, reject) => {
      const tryRead = () => {
        const chunk = stream.read() as Buffer | null;
        if (chunk !== null) return done(chunk);
        if (stream.readableEnded) return done(null);
      };
      const onError = (err: Error) => {
        cleanup();
        reject(err);
      };
      const onEnd = () => done(null);
      const done = (v: Buffer | null) => {
        cleanup();
        resolve(v);
      };
      const cleanup = () => {
        stream.off('readable', tryRead);
        stream.off('end', onEnd);
        stream.off('error', onError);
      };
      stream.on('readable', tryRead);
      stream.on('end', onEnd);
      stream.on('error', onError);
      tryRead();
    });
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(new TextEncoder().encode(header));
        return;
      }
      const chunk = await next();
      if (chunk === null) controller.close();
      else controller.enqueue(toCrlf(chunk));
    },
    cancel() {
      copy.cancel();
    },
  });
}
