import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/packs of the impersonated account (purchased packs: the ones a refund can be refused for). */
export function impersonatedPacksQueryOptions() {
  const query = { source: 'purchase', limit: 200 } as const;
  return queryOptions({
    queryKey: ['packs', 'list', query] as const,
    queryFn: ({ signal }) => api.get('/packs', { query, signal }),
  });
}
