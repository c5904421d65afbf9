import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/catalog, for the scope pickers. Features do not import each other: same key ['catalog'] as packs'. */
export function catalogQueryOptions() {
  return queryOptions({
    queryKey: ['catalog'] as const,
    queryFn: ({ signal }) => api.get('/catalog', { signal }),
    staleTime: 60 * 60_000,
  });
}
