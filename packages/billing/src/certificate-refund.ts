import type { Money } from './money.ts';

/** R8.6 SSL certificate order states. */
export type CertificateStatus =
  | 'pending_submission'
  | 'validating'
  | 'issued'
  | 'failed'
  | 'review_suspended'
  | 'cancelled'
  | 'refunded';

/** Why a certificate order cannot be refunded now (stable codes, shown to the customer). */
export type CertificateRefundBlock =
  | 'ALREADY_REFUNDED'
  | 'CERTIFICATE_ISSUED'
  | 'CERTIFICATE_PENDING_CANCEL_FIRST'
  | 'CERTIFICATE_IN_VALIDATION';

/**
 * R8.6 A paid certificate order can be refunded when its application failed, its review was
 * suspended, or it was cancelled before issue, i.e. the certificate was never issued. A pending
 * order must first be cancelled (Cancel Application); an order under validation is neither
 * cancellable nor refundable until it ends (decision: it may still issue); a completed refund is
 * final (R8.4/R8.6). `everIssued` guards a certificate issued and later revoked/failed.
 */
export function certificateRefundBlock(status: CertificateStatus, everIssued: boolean): CertificateRefundBlock | null {
  switch (status) {
    case 'refunded':
      return 'ALREADY_REFUNDED';
    case 'issued':
      return 'CERTIFICATE_ISSUED';
    case 'pending_submission':
      return 'CERTIFICATE_PENDING_CANCEL_FIRST';
    case 'validating':
      return 'CERTIFICATE_IN_VALIDATION';
    case 'failed':
    case 'review_suspended':
    case 'cancelled':
      return everIssued ? 'CERTIFICATE_ISSUED' : null;
    default: {
      const never: never = status;
      return never;
    }
  }
}

/** R8.6 Only an order still pending submission can be cancelled. */
export function certificateCancellable(status: CertificateStatus): boolean {
  return status === 'pending_submission';
}

/**
 * R8.6 What a certificate refund returns: cash and gift exactly as they were paid (so in the
 * proportion they paid), the benefit points to their package; voucher and discount are not returned.
 */
export function certificateRefundSplit(paid: {
  cash: Money;
  gift: Money;
  voucher: Money;
  discount: Money;
  benefitPoints: number;
}): {
  returned: { cash: Money; gift: Money; benefitPoints: number };
  notReturned: { voucher: Money; discount: Money };
} {
  return {
    returned: { cash: paid.cash, gift: paid.gift, benefitPoints: paid.benefitPoints },
    notReturned: { voucher: paid.voucher, discount: paid.discount },
  };
}
