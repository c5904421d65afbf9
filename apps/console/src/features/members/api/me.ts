import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/me (roles, impersonation, server clock). Same key as auth's file: one cached answer. */
export function meQueryOptions() {
  return queryOptions({
    queryKey: ['me'] as const,
    queryFn: ({ signal }) => api.get('/me', { signal }),
    staleTime: 5 * 60_000,
  });
}
