import { mutationOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export interface StartImpersonationInput {
  accountId: string;
  reason: string;
  ticket?: string;
  write?: boolean;
}

/** POST /api/v1/staff/impersonations: 201 { id, accountId, expiresAt, write }; the session now acts on the account. */
export function startImpersonationMutationOptions() {
  return mutationOptions({
    mutationKey: ['staff', 'impersonation', 'start'],
    mutationFn: (body: StartImpersonationInput) => api.post('/staff/impersonations', body),
  });
}

/** DELETE /api/v1/staff/impersonations/current: 204; the session is the agent's own again. */
export function stopImpersonationMutationOptions() {
  return mutationOptions({
    mutationKey: ['staff', 'impersonation', 'stop'],
    mutationFn: () => api.delete('/staff/impersonations/current'),
  });
}
