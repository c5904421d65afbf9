import {
  type CertificateStatus,
  certificateCancellable,
  certificateRefundBlock,
  formatAmount,
  parseMoney,
} from '@idv/billing';
import type { CertificateOrder } from '@idv/contracts';
import { iso, isoOrNull } from './presenters.ts';
import type { CertificateRow } from './repositories/certificates.ts';

const amt = (s: string) => formatAmount(parseMoney(s));

/** R8.6 A certificate order with the actions open to it and what a refund would return. */
export function presentCertificate(c: CertificateRow): CertificateOrder {
  const status = c.status as CertificateStatus;
  const block = certificateRefundBlock(status, c.everIssued);
  return {
    id: c.id,
    domain: c.domain,
    product: c.product,
    status,
    amount: amt(c.amount),
    paid: { cash: amt(c.paidCash), gift: amt(c.paidGift), voucher: amt(c.paidVoucher), discount: amt(c.paidDiscount) },
    benefitPoints: c.benefitPoints,
    benefitPackageId: c.benefitPackageId,
    createdAt: iso(c.createdAt),
    refundedAt: isoOrNull(c.refundedAt),
    actions: { cancel: certificateCancellable(status), refund: block === null, refundBlockedBy: block },
    refundPreview:
      block === null ? { cash: amt(c.paidCash), gift: amt(c.paidGift), benefitPoints: c.benefitPoints } : null,
  };
}
