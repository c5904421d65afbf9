import {
  type CertificateStatus,
  certificateRefundBlock,
  certificateRefundSplit,
  cstMonth,
  DomainError,
  formatAmount,
  formatMoney4,
  parseMoney,
} from '@idv/billing';
import type { CertificateRefund } from '@idv/contracts';
import { presentCertificate } from '../../certificate-presenters.ts';
import type { Auth, Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { audit } from '../../repositories/audit.ts';
import { returnBenefitPoints, setCertificateStatus } from '../../repositories/certificates.ts';
import { postLedger } from '../../repositories/ledger.ts';
import { notify } from '../../repositories/notifications.ts';
import { insertCharge } from '../../repositories/orders.ts';
import { lockCertificateForChange } from './certificates-shared.ts';

const MESSAGES: Record<string, string> = {
  ALREADY_REFUNDED: 'This certificate order has already been refunded; a completed refund is final.',
  CERTIFICATE_ISSUED: 'The certificate was issued, so the order cannot be refunded.',
  CERTIFICATE_PENDING_CANCEL_FIRST: 'Cancel the application first (Cancel Application); then it can be refunded.',
  CERTIFICATE_IN_VALIDATION: 'The application is being validated; it can be refunded only if validation fails.',
};

/**
 * R8.6 Refunds a paid, never-issued certificate order in one transaction (account lock first, then
 * the order FOR UPDATE): cash and gift go back exactly as paid (hence in the proportion they paid),
 * the benefit points to their package; voucher and discount are not returned. Status → 'refunded',
 * which is final: a second request is 409 ALREADY_REFUNDED. The refund-policy consent step comes after
 * the ownership (404) and state (409) checks so those answers stay what they were; without consent
 * nothing moves (400). A `refund_completed` notice (certificate variant) is sent in the same transaction.
 */
export async function refundCertificate(
  deps: Deps,
  input: { auth: Auth; accountId: string; id: string; policyAccepted: boolean; requestId?: string | undefined },
): Promise<CertificateRefund> {
  return deps.db.transaction(async (tx) => {
    const { now, cert } = await lockCertificateForChange(deps, tx, input.accountId, input.id);
    const block = certificateRefundBlock(cert.status as CertificateStatus, cert.everIssued);
    if (block !== null) {
      throw new DomainError(block, MESSAGES[block] ?? block, { status: cert.status });
    }
    // R8.6 the refund-policy consent step of the SSL refund process.
    if (!input.policyAccepted) {
      throw new AppError('INVALID_REQUEST', 400, 'Accept the refund policy before confirming the refund.', {
        errors: [{ path: 'policyAccepted', message: 'the refund policy must be accepted' }],
      });
    }
    const split = certificateRefundSplit({
      cash: parseMoney(cert.paidCash),
      gift: parseMoney(cert.paidGift),
      voucher: parseMoney(cert.paidVoucher),
      discount: parseMoney(cert.paidDiscount),
      benefitPoints: cert.benefitPoints,
    });
    const { cash, gift, benefitPoints } = split.returned;
    await postLedger(tx, {
      accountId: input.accountId,
      amounts: { cash, gift },
      reason: 'refund',
      refType: 'certificate',
      refId: cert.id,
      at: now,
    });
    if (benefitPoints > 0 && cert.benefitPackageId) {
      await returnBenefitPoints(tx, input.accountId, cert.benefitPackageId, benefitPoints);
    }
    const updated = await setCertificateStatus(tx, cert.id, 'refunded', now);
    const total = cash + gift;
    // R5.5 the refund line: negative amount and split; voucher and discount are not returned.
    await insertCharge(tx, {
      accountId: input.accountId,
      occurredAt: now,
      month: cstMonth(now),
      resourceId: null,
      product: 'ssl',
      label: cert.product,
      billingMode: 'prepaid',
      transactionType: 'refund',
      // The purchase line's price: list price less the discount (what voucher, gift and cash paid).
      unitPrice: formatMoney4(parseMoney(cert.amount) - split.notReturned.discount),
      quantity: 1,
      amount: formatMoney4(-total),
      paidCash: formatMoney4(-cash),
      paidIncome: '0',
      paidGift: formatMoney4(-gift),
      paidVoucher: '0',
      orderId: cert.id,
    });
    await notify(tx, {
      accountId: input.accountId,
      kind: 'refund_completed',
      cause: `certificate-refund:${cert.id}`,
      vars: {
        variant: 'certificate',
        certificateId: cert.id,
        domain: cert.domain,
        amount: formatAmount(total),
        cash: formatAmount(cash),
        gift: formatAmount(gift),
        benefitPoints,
      },
      at: now,
    });
    await audit(tx, {
      auth: input.auth,
      accountId: input.accountId,
      action: 'certificate.refund',
      outcome: 'ok',
      at: now,
      requestId: input.requestId,
      detail: {
        certificateId: cert.id,
        cash: formatAmount(cash),
        gift: formatAmount(gift),
        benefitPoints,
        policyAccepted: true,
      },
    });
    return {
      certificate: presentCertificate(updated),
      returned: { cash: formatAmount(cash), gift: formatAmount(gift), benefitPoints },
      notReturned: {
        voucher: formatAmount(split.notReturned.voucher),
        discount: formatAmount(split.notReturned.discount),
      },
    };
  });
}
