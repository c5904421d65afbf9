import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/staff/outbox (support role): email and SMS messages, newest first. */
export function outboxQueryOptions(cursor?: string) {
  const query = { cursor, limit: 50 };
  return queryOptions({
    queryKey: ['staff', 'outbox', query] as const,
    queryFn: ({ signal }) => api.get('/staff/outbox', { query, signal }),
    placeholderData: keepPreviousData,
  });
}
