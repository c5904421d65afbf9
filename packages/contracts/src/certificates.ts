import { z } from 'zod';
import { ListQuery, MoneyString, Timestamp } from './common.ts';

export const CertificateStatus = z.enum([
  'pending_submission',
  'validating',
  'issued',
  'failed',
  'review_suspended',
  'cancelled',
  'refunded',
]);
export type CertificateStatus = z.infer<typeof CertificateStatus>;

/** R8.6 An SSL certificate order and what the customer may do with it now. */
export const CertificateOrder = z.object({
  id: z.string(),
  domain: z.string(),
  product: z.string(),
  status: CertificateStatus,
  amount: MoneyString,
  paid: z.object({ cash: MoneyString, gift: MoneyString, voucher: MoneyString, discount: MoneyString }),
  benefitPoints: z.number().int(),
  benefitPackageId: z.string().nullable(),
  createdAt: Timestamp,
  refundedAt: Timestamp.nullable(),
  actions: z.object({
    /** Only a 'pending_submission' order can be cancelled (Cancel Application). */
    cancel: z.boolean(),
    refund: z.boolean(),
    /** Why Refund is not offered (a stable code), null when it is. */
    refundBlockedBy: z.string().nullable(),
  }),
  /** What a refund would return now (cash and gift as paid, points to their package), null if none. */
  refundPreview: z.object({ cash: MoneyString, gift: MoneyString, benefitPoints: z.number().int() }).nullable(),
});
export type CertificateOrder = z.infer<typeof CertificateOrder>;

export const CertificatesQuery = ListQuery;
export const CertificateIdParam = z.object({ id: z.string().min(1).max(100) });

/**
 * R8.6 The refund-policy consent step of the SSL refund process: the customer accepts the refund
 * policy (what is returned, what is not, that a completed refund is final and the certificate order is
 * void) before confirming. Without `policyAccepted: true` the refund is refused with 400.
 */
export const CertificateRefundBody = z.object({ policyAccepted: z.boolean().optional() }).strict();
export type CertificateRefundBody = z.infer<typeof CertificateRefundBody>;

/** R8.6 The answer to a certificate refund: what went back where, and what did not. */
export const CertificateRefund = z.object({
  certificate: CertificateOrder,
  returned: z.object({ cash: MoneyString, gift: MoneyString, benefitPoints: z.number().int() }),
  notReturned: z.object({ voucher: MoneyString, discount: MoneyString }),
});
export type CertificateRefund = z.infer<typeof CertificateRefund>;
