import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/bills/overview?month (R5.5): total, split by product and billing mode, 12-month trend. */
export function billOverviewQueryOptions(month: string) {
  return queryOptions({
    queryKey: ['bills', 'overview', month] as const,
    queryFn: ({ signal }) => api.get('/bills/overview', { query: { month }, signal }),
    placeholderData: keepPreviousData,
  });
}
