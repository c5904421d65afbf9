import { api } from '../../../lib/api-client.ts';
import { getQueryOptions, mutationOptionsOf } from '../../../lib/api-client-queries.ts';

/** GET /api/v1/certificates: SSL certificate orders with the actions open to each (R8.6). */
export const certificatesQueryOptions = () =>
  getQueryOptions(['certificates'], '/certificates', { query: { limit: 200 } });

/** POST /api/v1/certificates/:id/cancel (Cancel Application; only while pending submission). */
export const cancelCertificateMutationOptions = mutationOptionsOf(['certificates', 'cancel'], (id: string) =>
  api.post('/certificates/:id/cancel', undefined, { params: { id } }),
);

/**
 * POST /api/v1/certificates/:id/refund: cash and gift back as paid, benefit points to their package;
 * voucher and discount are not returned. Sent with the refund-policy consent the dialog asked for (R8.6:
 * the server refuses a refund without `policyAccepted: true`). The key is sent for safety (the server
 * refunds at most once).
 */
export const refundCertificateMutationOptions = mutationOptionsOf(
  ['certificates', 'refund'],
  ({ id, idempotencyKey }: { id: string; idempotencyKey: string }) =>
    api.post(
      '/certificates/:id/refund',
      { policyAccepted: true },
      { params: { id }, headers: { 'Idempotency-Key': idempotencyKey } },
    ),
);
