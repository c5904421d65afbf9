import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/**
 * GET /api/v1/planner?label&calls | months | source=history[&horizonMonths]: the cheapest mix of packs
 * and postpaid (issue 9). With source=history the forecast comes from the account's own usage.
 */
export function planQueryOptions(q: {
  label: string;
  calls?: number;
  months?: readonly number[];
  source?: 'history';
  horizon?: number;
}) {
  const months = q.source ? undefined : q.months?.join(',');
  const calls = q.source ? undefined : q.calls;
  // The query's horizonMonths is text (`^\d{1,2}$`), as on the wire.
  const horizonMonths = q.source && q.horizon !== undefined ? String(q.horizon) : undefined;
  return queryOptions({
    queryKey: ['planner', q.label, calls ?? null, months ?? null, q.source ?? null, horizonMonths ?? null] as const,
    queryFn: ({ signal }) =>
      api.get('/planner', {
        query: { label: q.label, calls, months, source: q.source, horizonMonths },
        signal,
      }),
    // A plan from usage depends on the account's packs and calls: fetch it fresh on every visit.
    staleTime: q.source ? 0 : 5 * 60_000,
  });
}
