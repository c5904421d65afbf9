import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/certificates: SSL certificate orders with the actions open to each (R8.6). */
export function certificatesQueryOptions() {
  return queryOptions({
    queryKey: ['certificates'] as const,
    queryFn: ({ signal }) => api.get('/certificates', { query: { limit: 200 }, signal }),
  });
}

/** POST /api/v1/certificates/:id/cancel (Cancel Application; only while pending submission). */
export function cancelCertificateMutationOptions() {
  return mutationOptions({
    mutationKey: ['certificates', 'cancel'],
    mutationFn: (id: string) => api.post('/certificates/:id/cancel', undefined, { params: { id } }),
  });
}

/**
 * POST /api/v1/certificates/:id/refund: cash and gift back as paid, benefit points to their package;
 * voucher and discount are not returned. Sent with the refund-policy consent the dialog asked for (R8.6:
 * the server refuses a refund without `policyAccepted: true`). The key is sent for safety (the server
 * refunds at most once).
 */
export function refundCertificateMutationOptions() {
  return mutationOptions({
    mutationKey: ['certificates', 'refund'],
    mutationFn: ({ id, idempotencyKey }: { id: string; idempotencyKey: string }) =>
      api.post(
        '/certificates/:id/refund',
        { policyAccepted: true },
        {
          params: { id },
          headers: { 'Idempotency-Key': idempotencyKey },
        },
      ),
  });
}
