/** Why a voucher cannot pay for an order now, or `usable` (R2.2). */
export type VoucherVerdict = 'usable' | 'used' | 'expired' | 'scope';

/**
 * R2.2 A voucher pays for an order only while unused, before it expires, and for a product in its
 * product groups (`null`: every product). The one statement of the rule: the BFF refuses an
 * order with it, the console greys out the voucher with it (docs/decisions/0015).
 */
export function voucherVerdict(
  v: { used: boolean; expiresAt: Date; productGroups: readonly string[] | null },
  product: string | undefined,
  now: Date,
): VoucherVerdict {
  if (v.used) return 'used';
  if (v.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (product !== undefined && v.productGroups !== null && !v.productGroups.includes(product)) return 'scope';
  return 'usable';
}
