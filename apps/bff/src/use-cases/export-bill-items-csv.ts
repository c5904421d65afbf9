import type { BillFilters } from '@idv/contracts';
import type { Deps } from '../http/context.ts';
import { billCsvLines, CSV_COLUMNS, isMonthSettled } from '../repositories/bills.ts';
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
 * header row, money as plain decimals. Streamed in keyset batches (pull-based: the next batch is
 * read only when the client has taken the previous one), never the whole month in memory.
 * Decision 0004: any month can be downloaded; a month not yet settled is marked "provisional" in
 * the file name (and X-Bill-Settled: false), because its rows can still change.
 */
export async function exportBillItemsCsv(deps: Deps, accountId: string, q: BillFilters): Promise<BillCsv> {
  const f = await resolveBillFilter(deps.db, accountId, q);
  const settled = await isMonthSettled(deps.db, accountId, lastDayOfMonth(q.month), q.month);
  const encoder = new TextEncoder();
  const lines = matchesNothing(f) ? null : billCsvLines(deps.db, accountId, f, CSV_BATCH_ROWS);
  let headerSent = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(BOM + CSV_COLUMNS.join(',') + EOL));
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
  return {
    filename: settled ? `bill-${q.month}.csv` : `bill-${q.month}-provisional.csv`,
    settled,
    body,
  };
}
