import type { CatalogItem } from '@idv/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/catalog (same key as the other features' catalog files). */
export function catalogQueryOptions() {
  return queryOptions({
    queryKey: ['catalog'] as const,
    queryFn: ({ signal }) => api.get<{ items: CatalogItem[] }>('/catalog', { signal }),
    staleTime: 60 * 60_000,
  });
}
