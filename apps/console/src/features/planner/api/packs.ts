import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/packs?label&status=active: the label's live packs, to open their forecasts. */
export function activePacksQueryOptions(label: string) {
  return queryOptions({
    queryKey: ['packs', 'list', { label, status: 'active', sort: 'expiresAt', limit: 200 }] as const,
    queryFn: ({ signal }) =>
      api.get('/packs', { query: { label, status: 'active', sort: 'expiresAt', limit: 200 }, signal }),
  });
}
