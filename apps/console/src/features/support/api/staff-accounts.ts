import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/staff/accounts?q= (support role): accounts by id, name or a member's email (R9.2). */
export function staffAccountsQueryOptions(q: string, cursor?: string) {
  const query = { q: q || undefined, cursor, limit: 50 };
  return queryOptions({
    queryKey: ['staff', 'accounts', query] as const,
    queryFn: ({ signal }) => api.get('/staff/accounts', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/**
 * One account's details. There is no GET /staff/accounts/:id, so this searches by the id and keeps
 * the exact match (null when none).
 */
export function staffAccountQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['staff', 'account', id] as const,
    queryFn: async ({ signal }) => {
      const list = await api.get('/staff/accounts', { query: { q: id, limit: 200 }, signal });
      return list.items.find((a) => a.id === id) ?? null;
    },
  });
}
