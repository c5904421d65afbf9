import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/packs/:id: one pack; 404 NOT_FOUND when missing or another account's. */
export function packQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['packs', 'detail', id] as const,
    queryFn: ({ signal }) => api.get('/packs/:id', { params: { id }, signal }),
    refetchInterval: 15_000,
  });
}
