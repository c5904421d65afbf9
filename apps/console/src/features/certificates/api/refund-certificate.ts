import type { CertificateRefund } from '@idv/contracts';
import { mutationOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/**
 * POST /api/v1/certificates/:id/refund with the refund-policy consent (R8.6): the server refuses a
 * refund without `policyAccepted: true`. The key is sent for safety (the server refunds at most once).
 */
export function refundCertificateWithConsentMutationOptions() {
  return mutationOptions({
    mutationKey: ['certificates', 'refund'],
    mutationFn: ({ id, idempotencyKey }: { id: string; idempotencyKey: string }) =>
      api.post<CertificateRefund>(
        `/certificates/${encodeURIComponent(id)}/refund`,
        { policyAccepted: true },
        { headers: { 'Idempotency-Key': idempotencyKey } },
      ),
  });
}
