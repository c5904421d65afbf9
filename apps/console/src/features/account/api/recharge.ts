import { mutationOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/**
 * POST /api/v1/account/recharge (R2.1: adds to cash; sandbox payment provider by default). The answer is
 * the account plus `shortfall` (R6.3: how much more is needed while the balance is still below 0).
 */
export function rechargeMutationOptions() {
  return mutationOptions({
    mutationKey: ['account', 'recharge'],
    mutationFn: ({ amount, idempotencyKey }: { amount: string; idempotencyKey: string }) =>
      api.post('/account/recharge', { amount }, { headers: { 'Idempotency-Key': idempotencyKey } }),
  });
}
