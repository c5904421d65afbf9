import { mutationOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** POST /api/v1/auth/logout: 204, the session cookie is cleared. */
export function logoutMutationOptions() {
  return mutationOptions({
    mutationKey: ['auth', 'logout'],
    mutationFn: () => api.post('/auth/logout'),
  });
}
