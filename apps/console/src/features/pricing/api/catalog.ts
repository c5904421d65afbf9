import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/catalog: labels with postpaid unit price and pack tiers (R1.1, R1.3). */
export function catalogQueryOptions() {
  return queryOptions({
    queryKey: ['catalog'] as const,
    queryFn: ({ signal }) => api.get('/catalog', { signal }),
    staleTime: 60 * 60_000,
  });
}
