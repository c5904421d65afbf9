import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/**
 * GET /api/v1/staff/accounts/:id/timeline?reason&cursor&limit (issue 18, support role): the account's
 * timeline without impersonating it; the server audits each read with the reason.
 */
export function staffTimelineQueryOptions(accountId: string, reason: string, cursor?: string) {
  return queryOptions({
    queryKey: ['staff', 'timeline', accountId, { reason, cursor: cursor ?? null }] as const,
    queryFn: ({ signal }) =>
      api.get('/staff/accounts/:id/timeline', {
        params: { id: accountId },
        query: { reason: reason || undefined, cursor, limit: 50 },
        signal,
      }),
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
