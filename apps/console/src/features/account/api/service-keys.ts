import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/service-keys (owner setting): keys by prefix, never the secret. */
export function serviceKeysQueryOptions() {
  return queryOptions({
    queryKey: ['service-keys'] as const,
    queryFn: ({ signal }) => api.get('/service-keys', { signal }),
  });
}

/** POST /api/v1/service-keys { name }: the only answer that carries the full key. */
export function createServiceKeyMutationOptions() {
  return mutationOptions({
    mutationKey: ['service-keys', 'create'],
    mutationFn: (body: { name: string }) => api.post('/service-keys', body),
  });
}

/** DELETE /api/v1/service-keys/:id */
export function revokeServiceKeyMutationOptions() {
  return mutationOptions({
    mutationKey: ['service-keys', 'revoke'],
    mutationFn: (id: string) => api.delete('/service-keys/:id', { params: { id } }),
  });
}
