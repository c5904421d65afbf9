import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/refunds?cursor&limit: the account's completed pack refunds, newest first. */
export function refundsQueryOptions(cursor?: string) {
  return queryOptions({
    queryKey: ['refunds', 'list', { cursor: cursor ?? null }] as const,
    queryFn: ({ signal }) => api.get('/refunds', { query: { cursor, limit: 50 }, signal }),
    placeholderData: keepPreviousData,
  });
}
