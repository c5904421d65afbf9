import type { Voucher } from '@idv/contracts';

export type VoucherVerdict = 'usable' | 'used' | 'expired' | 'scope' | 'unusable';

/** R2.2 Whether a voucher can pay for an order of `product` now, and if not, why. */
export function voucherVerdict(v: Voucher, product: string | undefined, nowMs: number): VoucherVerdict {
  if (v.usedOrderId) return 'used';
  if (Date.parse(v.expiresAt) <= nowMs) return 'expired';
  if (product && v.productGroups && v.productGroups.length > 0 && !v.productGroups.includes(product)) return 'scope';
  if (!v.usable) return 'unusable';
  return 'usable';
}
