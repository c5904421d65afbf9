import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/resources: the account's applications, for the project and region filters. */
export function accountResourcesQueryOptions() {
  return queryOptions({
    queryKey: ['resources', 'list'] as const,
    queryFn: ({ signal }) => api.get('/resources', { signal }),
    staleTime: 5 * 60_000,
  });
}
