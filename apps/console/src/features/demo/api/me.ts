import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/me (same key as features/auth): the role, and whether this account runs on a demo clock. */
export const meQueryKey = ['me'] as const;

export function meQueryOptions() {
  return queryOptions({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => api.get('/me', { signal }),
    staleTime: 5 * 60_000,
  });
}
