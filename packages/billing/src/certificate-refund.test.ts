import { describe, expect, it } from 'vitest';
import {
  type CertificateStatus,
  certificateCancellable,
  certificateRefundBlock,
  certificateRefundSplit,
} from './certificate-refund.ts';

describe('R8.6 certificate refunds', () => {
  it.each<[CertificateStatus, boolean, string | null]>([
    ['failed', false, null],
    ['review_suspended', false, null],
    ['cancelled', false, null],
    ['pending_submission', false, 'CERTIFICATE_PENDING_CANCEL_FIRST'],
    ['validating', false, 'CERTIFICATE_IN_VALIDATION'],
    ['issued', true, 'CERTIFICATE_ISSUED'],
    ['failed', true, 'CERTIFICATE_ISSUED'],
    ['refunded', false, 'ALREADY_REFUNDED'],
  ])('R8.6 %s (ever issued: %s) → %s', (status, everIssued, block) => {
    expect(certificateRefundBlock(status, everIssued)).toBe(block);
  });

  it('R8.6 only a pending order can be cancelled', () => {
    expect(certificateCancellable('pending_submission')).toBe(true);
    for (const s of ['validating', 'issued', 'failed', 'review_suspended', 'cancelled', 'refunded'] as const) {
      expect(certificateCancellable(s)).toBe(false);
    }
  });

  it('R8.6 returns cash and gift as paid and the points; never the voucher or the discount', () => {
    const r = certificateRefundSplit({
      cash: 70_000n,
      gift: 30_000n,
      voucher: 5_000n,
      discount: 1_000n,
      benefitPoints: 2,
    });
    expect(r.returned).toEqual({ cash: 70_000n, gift: 30_000n, benefitPoints: 2 });
    expect(r.notReturned).toEqual({ voucher: 5_000n, discount: 1_000n });
  });
});
