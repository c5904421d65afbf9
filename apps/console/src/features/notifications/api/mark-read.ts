import { mutationOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** POST /api/v1/notifications/:id/read (204). */
export function markReadMutationOptions() {
  return mutationOptions({
    mutationFn: (id: string) => api.post('/notifications/:id/read', undefined, { params: { id } }),
  });
}

/** POST /api/v1/notifications/read-all (204). */
export function markAllReadMutationOptions() {
  return mutationOptions({
    mutationFn: () => api.post('/notifications/read-all'),
  });
}
