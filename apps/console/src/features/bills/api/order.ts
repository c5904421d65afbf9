import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/orders/:id: the order a prepaid bill row came from. */
export function orderQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['orders', 'detail', id] as const,
    queryFn: ({ signal }) => api.get('/orders/:id', { params: { id }, signal }),
  });
}
