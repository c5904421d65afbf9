import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export interface DailyUsage {
  items: { date: string; calls: number }[];
}

/** GET /api/v1/packs/:id/usage?from&to: calls deducted per CST day (R3.6). */
export function packUsageQueryOptions(id: string, range: { from?: string; to?: string } = {}) {
  return queryOptions({
    queryKey: ['packs', 'usage', id, range] as const,
    queryFn: ({ signal }) =>
      api.get('/packs/:id/usage', { params: { id }, query: { from: range.from, to: range.to }, signal }),
  });
}
