import type { PlaceOrderBody } from '@idv/contracts';
import { mutationOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/**
 * POST /api/v1/orders (R3.3): 201 order with its packs; 402 INSUFFICIENT_BALANCE; 400 UNKNOWN_TIER;
 * 409 VOUCHER_NOT_USABLE. The Idempotency-Key makes a retry return the first answer.
 */
export function placeOrderMutationOptions() {
  return mutationOptions({
    mutationKey: ['orders', 'place'],
    mutationFn: ({ body, idempotencyKey }: { body: PlaceOrderBody; idempotencyKey: string }) =>
      api.post('/orders', body, { headers: { 'Idempotency-Key': idempotencyKey } }),
  });
}
