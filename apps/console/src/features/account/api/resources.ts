import { api } from '../../../lib/api-client.ts';
import { getQueryOptions, mutationOptionsOf } from '../../../lib/api-client-queries.ts';

/** GET /api/v1/resources: the account's applications (resource ids used by the usage events). */
export const resourcesQueryOptions = () => getQueryOptions(['resources'], '/resources', { query: { limit: 200 } });

/** POST /api/v1/resources { alias, project, region } → 201 resource. */
export const createResourceMutationOptions = mutationOptionsOf(
  ['resources', 'create'],
  (body: { alias: string; project: string; region: string }) => api.post('/resources', body),
);
