import { api } from '../../../lib/api-client.ts';
import { getQueryOptions, mutationOptionsOf } from '../../../lib/api-client-queries.ts';

/** GET /api/v1/service-keys (owner setting): keys by prefix, never the secret. */
export const serviceKeysQueryOptions = () => getQueryOptions(['service-keys'], '/service-keys');

/** POST /api/v1/service-keys { name }: the only answer that carries the full key. */
export const createServiceKeyMutationOptions = mutationOptionsOf(['service-keys', 'create'], (body: { name: string }) =>
  api.post('/service-keys', body),
);

/** DELETE /api/v1/service-keys/:id */
export const revokeServiceKeyMutationOptions = mutationOptionsOf(['service-keys', 'revoke'], (id: string) =>
  api.delete('/service-keys/:id', { params: { id } }),
);
