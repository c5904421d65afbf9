import { mutationOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** PATCH /api/v1/account { postpaidEnabled } (R4.4). */
export function updateAccountMutationOptions() {
  return mutationOptions({
    mutationKey: ['account', 'update'],
    mutationFn: (body: { postpaidEnabled: boolean }) => api.patch('/account', body),
  });
}
