import { mutationOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/**
 * POST /api/v1/refunds { packId } (R8): 201 refund with what went back to each balance; 409 with the
 * reason code when the pack cannot be refunded. The Idempotency-Key makes a retry safe.
 */
export function requestRefundMutationOptions() {
  return mutationOptions({
    mutationKey: ['refunds', 'request'],
    mutationFn: ({ packId, idempotencyKey }: { packId: string; idempotencyKey: string }) =>
      api.post('/refunds', { packId }, { headers: { 'Idempotency-Key': idempotencyKey } }),
  });
}
