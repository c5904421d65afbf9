import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/me (same key as the auth feature's): roles and impersonation decide who may change settings. */
export function meQueryOptions() {
  return queryOptions({
    queryKey: ['me'] as const,
    queryFn: ({ signal }) => api.get('/me', { signal }),
    staleTime: 5 * 60_000,
  });
}
