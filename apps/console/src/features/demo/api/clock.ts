import { infiniteQueryOptions, mutationOptions, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import type { AdvanceClockBody } from './types.ts';

/** POST /api/v1/demo/tenants/:id/clock: runs every job due on the way; never backwards (PM or the tenant's customer). */
export function advanceClock(accountId: string, body: AdvanceClockBody) {
  return api.post('/demo/tenants/:accountId/clock', body, { params: { accountId } });
}

export function advanceClockMutationOptions(accountId: string) {
  return mutationOptions({
    mutationKey: ['demo', 'clock', accountId],
    mutationFn: (body: AdvanceClockBody) => advanceClock(accountId, body),
  });
}

export function timelineKey(accountId: string) {
  return ['demo', 'timeline', accountId] as const;
}

const timelineQuery = (limit: number, cursor?: string | null) => ({ limit, ...(cursor ? { cursor } : {}) });

/** GET /api/v1/demo/tenants/:id/timeline: the newest `limit` events (newest first). */
export function timelineQueryOptions(accountId: string, limit = 5) {
  return queryOptions({
    queryKey: [...timelineKey(accountId), 'latest', limit] as const,
    queryFn: ({ signal }) =>
      api.get('/demo/tenants/:accountId/timeline', { params: { accountId }, query: timelineQuery(limit), signal }),
  });
}

/** The whole timeline, newest first, a page at a time ("load earlier events"). */
export function timelinePagesQueryOptions(accountId: string, limit = 50) {
  return infiniteQueryOptions({
    queryKey: [...timelineKey(accountId), 'pages', limit] as const,
    queryFn: ({ signal, pageParam }) =>
      api.get('/demo/tenants/:accountId/timeline', {
        params: { accountId },
        query: timelineQuery(limit, pageParam),
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? null,
  });
}
