import { keepPreviousData } from '@tanstack/react-query';
import { buildUrl } from '../../../lib/api-client.ts';
import { getQueryOptions } from '../../../lib/api-client-queries.ts';
import { type BillSearch, billQuery } from '../search-params.ts';

/** GET /api/v1/bills/items (R5.5): one row per charge, keyset-paginated, with the filter's count and sum. */
export function billItemsQueryOptions(s: BillSearch, month: string) {
  const query = { ...billQuery(s, month), cursor: s.cursor, limit: s.limit };
  return {
    ...getQueryOptions(['bills', 'items', query], '/bills/items', { query }),
    placeholderData: keepPreviousData,
  };
}

/** GET /api/v1/bills/items.csv: the month with the current filters, downloaded by the browser (a plain link). */
export function billItemsCsvUrl(s: BillSearch, month: string): string {
  return buildUrl('/bills/items.csv', billQuery(s, month));
}
