import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import type { AdvanceClockBody } from './types.ts';

/** POST /api/v1/demo/tenants/:id/clock: runs every job due on the way; never backwards (PM or the tenant's customer). */
export function advanceClockMutationOptions(accountId: string) {
  return mutationOptions({
    mutationKey: ['demo', 'clock', accountId],
    mutationFn: (body: AdvanceClockBody) => api.post('/demo/tenants/:accountId/clock', body, { params: { accountId } }),
  });
}

export function timelineKey(accountId: string) {
  return ['demo', 'timeline', accountId] as const;
}

/** GET /api/v1/demo/tenants/:id/timeline: what the clock has passed, oldest first. */
export function timelineQueryOptions(accountId: string) {
  return queryOptions({
    queryKey: timelineKey(accountId),
    queryFn: ({ signal }) => api.get('/demo/tenants/:accountId/timeline', { params: { accountId }, signal }),
  });
}
