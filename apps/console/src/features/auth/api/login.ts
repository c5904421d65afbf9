import type { LoginBody } from '@idv/contracts';
import { mutationOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** POST /api/v1/auth/login: 200 { user } and a session cookie; 401 BAD_CREDENTIALS. */
export function loginMutationOptions() {
  return mutationOptions({
    mutationKey: ['auth', 'login'],
    mutationFn: (body: LoginBody) => api.post('/auth/login', body),
  });
}
