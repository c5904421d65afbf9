import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/catalog (same key as the other features' catalog files). */
export function catalogQueryOptions() {
  return queryOptions({
    queryKey: ['catalog'] as const,
    queryFn: ({ signal }) => api.get('/catalog', { signal }),
    staleTime: 60 * 60_000,
  });
}
