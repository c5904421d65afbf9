import { infiniteQueryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/audit?cursor&limit: the account's audit log, newest first (R9.2). */
export function auditInfiniteOptions() {
  return infiniteQueryOptions({
    queryKey: ['audit', 'list'] as const,
    queryFn: ({ pageParam, signal }) => api.get('/audit', { query: { cursor: pageParam, limit: 100 }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
