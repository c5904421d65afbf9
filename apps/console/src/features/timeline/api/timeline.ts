import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/timeline?kinds&cursor&limit (issue 18): what happened to the account, newest first. */
export function timelineQueryOptions(kinds: readonly string[], cursor?: string) {
  return queryOptions({
    queryKey: ['timeline', { kinds: [...kinds].sort(), cursor: cursor ?? null }] as const,
    queryFn: ({ signal }) =>
      api.get('/timeline', {
        query: { kinds: kinds.length > 0 ? kinds.join(',') : undefined, cursor, limit: 50 },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
