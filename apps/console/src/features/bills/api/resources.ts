import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { type BillSearch, billQuery } from '../search-params.ts';

/** GET /api/v1/bills/resources (R5.5): one row per resource and product, with the filter's count and sum. */
export function billResourcesQueryOptions(s: BillSearch, month: string) {
  const query = { ...billQuery(s, month), cursor: s.cursor, limit: s.limit };
  return queryOptions({
    queryKey: ['bills', 'resources', query] as const,
    queryFn: ({ signal }) => api.get('/bills/resources', { query, signal }),
    placeholderData: keepPreviousData,
  });
}
