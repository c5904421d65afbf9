import { mutationOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** POST /api/v1/staff/refund-refusals (support_write): refuse a pack's refund; the customer sees the reason (R8.5). */
export function refuseRefundMutationOptions() {
  return mutationOptions({
    mutationKey: ['staff', 'refund-refusal'],
    mutationFn: (body: { packId: string; reason: string }) => api.post('/staff/refund-refusals', body),
  });
}

/** PUT /api/v1/staff/accounts/:id/violation (support_write): set or clear the violation flag (R8.2). */
export function setViolationMutationOptions(accountId: string) {
  return mutationOptions({
    mutationKey: ['staff', 'violation', accountId],
    mutationFn: (body: { violation: boolean; reason: string }) =>
      api.put('/staff/accounts/:id/violation', body, { params: { id: accountId } }),
  });
}
