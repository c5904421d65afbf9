import { keepPreviousData } from '@tanstack/react-query';
import { getQueryOptions } from '../../../lib/api-client-queries.ts';
import { type BillSearch, billQuery } from '../search-params.ts';

/** GET /api/v1/bills/resources (R5.5): one row per resource and product, with the filter's count and sum. */
export function billResourcesQueryOptions(s: BillSearch, month: string) {
  const query = { ...billQuery(s, month), cursor: s.cursor, limit: s.limit };
  return {
    ...getQueryOptions(['bills', 'resources', query], '/bills/resources', { query }),
    placeholderData: keepPreviousData,
  };
}
