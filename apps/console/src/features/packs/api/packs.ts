import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import type { PackListSearch } from '../search-params.ts';

/** GET /api/v1/packs?label&source&status&sort&cursor&limit (R3.5). */
export function packsQueryOptions(s: PackListSearch) {
  const query = { label: s.label, source: s.source, status: s.status, sort: s.sort, cursor: s.cursor, limit: s.limit };
  return queryOptions({
    queryKey: ['packs', 'list', query] as const,
    queryFn: ({ signal }) => api.get('/packs', { query, signal }),
    // Keep the old rows on screen (marked busy) while a new filter loads.
    placeholderData: keepPreviousData,
    // Live counts (issue 3): used/remaining follow the usage as it arrives.
    refetchInterval: 15_000,
  });
}
