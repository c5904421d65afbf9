import type { Account } from '@idv/contracts';
import { mutationOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** POST /api/v1/account/recharge (R2.1: adds to cash; sandbox payment provider by default). */
export function rechargeMutationOptions() {
  return mutationOptions({
    mutationKey: ['account', 'recharge'],
    mutationFn: ({ amount, idempotencyKey }: { amount: string; idempotencyKey: string }) =>
      api.post<Account>('/account/recharge', { amount }, { headers: { 'Idempotency-Key': idempotencyKey } }),
  });
}
