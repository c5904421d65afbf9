import { queryOptions } from '@tanstack/react-query';
import { api } from './api-client.ts';

/** GET /api/v1/me (roles, impersonation, server clock). Shared by the cross-cutting hooks in lib/; features keep their own file with the same key. */
export function meQueryOptions() {
  return queryOptions({
    queryKey: ['me'] as const,
    queryFn: ({ signal }) => api.get('/me', { signal }),
    staleTime: 5 * 60_000,
  });
}
