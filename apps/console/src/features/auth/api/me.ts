import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/me: who is signed in, their account, any impersonation (api.md). */
export const meQueryKey = ['me'] as const;

export function meQueryOptions() {
  return queryOptions({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => api.get('/me', { signal }),
    // The session changes only by signing in or out, which reset this query explicitly.
    staleTime: 5 * 60_000,
  });
}
