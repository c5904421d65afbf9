import { type VoucherVerdict as Verdict, voucherVerdict as verdictOf } from '@idv/billing';
import type { Voucher } from '@idv/contracts';

/** Billing's verdict, or `unusable` when the server says so for a reason of its own. */
export type VoucherVerdict = Verdict | 'unusable';

/** R2.2 Whether a voucher can pay for an order of `product` now: billing's rule (docs/decisions/0015) on the wire's voucher. */
export function voucherVerdict(v: Voucher, product: string | undefined, nowMs: number): VoucherVerdict {
  const verdict = verdictOf(
    { used: Boolean(v.usedOrderId), expiresAt: new Date(v.expiresAt), productGroups: v.productGroups },
    product,
    new Date(nowMs),
  );
  return verdict === 'usable' && !v.usable ? 'unusable' : verdict;
}
