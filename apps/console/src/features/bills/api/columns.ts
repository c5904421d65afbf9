import type { BillColumnId } from '@idv/contracts';
import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export const billColumnsQueryKey = ['preferences', 'bill-columns'] as const;

/** GET /api/v1/preferences/bill-columns: the signed-in user's visible columns, in order (R5.5). */
export function billColumnsQueryOptions() {
  return queryOptions({
    queryKey: billColumnsQueryKey,
    queryFn: ({ signal }) => api.get('/preferences/bill-columns', { signal }),
    staleTime: 5 * 60_000,
  });
}

/** PUT /api/v1/preferences/bill-columns `{ columns }`: stored per user on the server. */
export function saveBillColumnsMutationOptions() {
  return mutationOptions({
    mutationFn: (columns: BillColumnId[]) => api.put('/preferences/bill-columns', { columns }),
  });
}
