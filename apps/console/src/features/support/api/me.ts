import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/me (same key as features/auth): who is signed in and any impersonation (R9.2). */
export const meQueryKey = ['me'] as const;

export function meQueryOptions() {
  return queryOptions({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => api.get('/me', { signal }),
    staleTime: 5 * 60_000,
  });
}
