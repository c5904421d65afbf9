import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/resources: the account's applications (resource ids used by the usage events). */
export function resourcesQueryOptions() {
  return queryOptions({
    queryKey: ['resources'] as const,
    queryFn: ({ signal }) => api.get('/resources', { query: { limit: 200 }, signal }),
  });
}

/** POST /api/v1/resources { alias, project, region } → 201 resource. */
export function createResourceMutationOptions() {
  return mutationOptions({
    mutationKey: ['resources', 'create'],
    mutationFn: (body: { alias: string; project: string; region: string }) => api.post('/resources', body),
  });
}
