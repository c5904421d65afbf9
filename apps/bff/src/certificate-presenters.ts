import {
  type CertificateStatus,
  certificateCancellable,
  certificateRefundBlock,
  formatAmount,
  parseMoney,
} from '@idv/billing';
import type { CertificateOrder, Refund } from '@idv/contracts';
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

/** R8.6 A refunded certificate order as a refund record (GET /refunds, kind 'certificate'). */
export function presentCertificateRefundRecord(c: CertificateRow & { refundedAt: Date }): Refund {
  const cash = parseMoney(c.paidCash);
  const gift = parseMoney(c.paidGift);
  return {
    id: c.id,
    packId: '',
    orderId: c.id,
    label: c.product,
    amount: formatAmount(cash + gift),
    returned: { cash: formatAmount(cash), income: '0.00', gift: formatAmount(gift) },
    createdAt: iso(c.refundedAt),
    kind: 'certificate',
    certificate: { id: c.id, domain: c.domain, product: c.product, benefitPoints: c.benefitPoints },
  };
}
