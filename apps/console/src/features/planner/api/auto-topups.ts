import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/auto-topups (R10.2), to say on the advice pages what a label's rule will buy. Same key as packs'. */
export function autoTopupsQueryOptions() {
  return queryOptions({
    queryKey: ['auto-topups'] as const,
    queryFn: ({ signal }) => api.get('/auto-topups', { signal }),
  });
}
