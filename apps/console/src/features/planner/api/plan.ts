import type { PlannerResponse } from '@idv/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/planner?label&calls | months: the cheapest mix of packs and postpaid (issue 9). */
export function planQueryOptions(q: { label: string; calls?: number; months?: readonly number[] }) {
  const months = q.months?.join(',');
  return queryOptions({
    queryKey: ['planner', q.label, q.calls ?? null, months ?? null] as const,
    queryFn: ({ signal }) =>
      api.get<PlannerResponse>('/planner', { query: { label: q.label, calls: q.calls, months }, signal }),
    staleTime: 5 * 60_000,
  });
}
