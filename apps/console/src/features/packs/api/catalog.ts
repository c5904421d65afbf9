import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/**
 * GET /api/v1/catalog, for the label filter. Features do not import each other, so this mirrors
 * pricing's file; both use the key ['catalog'] and share one cached answer.
 */
export function catalogQueryOptions() {
  return queryOptions({
    queryKey: ['catalog'] as const,
    queryFn: ({ signal }) => api.get('/catalog', { signal }),
    staleTime: 60 * 60_000,
  });
}
