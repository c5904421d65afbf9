import { DAY_MS } from './time.ts';

export type PackNotice = 'pack_low' | 'pack_exhausted';

interface Usage {
  used: number;
  total: number;
}

/** R7 Remaining below 20% of total, in integer math: remaining × 5 < total. */
const isLow = (u: Usage): boolean => (u.total - u.used) * 5 < u.total;
const isEmpty = (u: Usage): boolean => u.total - u.used <= 0;

/**
 * R7 Pack notices caused by going from `before` to `after`: 'pack_low' when remaining first
 * drops below 20% of total, 'pack_exhausted' when remaining reaches 0. Each fires only on the
 * crossing, so it is sent once per cause. Decision: a single step that jumps straight to 0
 * (e.g. R4.3 coverage) yields both, low first, as both thresholds were crossed.
 */
export function packThresholdCrossings(before: Usage, after: Usage): PackNotice[] {
  const out: PackNotice[] = [];
  if (!isLow(before) && isLow(after)) out.push('pack_low');
  if (!isEmpty(before) && isEmpty(after)) out.push('pack_exhausted');
  return out;
}

export type PackExpiryNotice = 'pack_expiring' | 'pack_expired';

/**
 * R7 Expiry notices for a clock moving from `from` (exclusive) to `to` (inclusive):
 * 'pack_expiring' when the instant 7 × 24 h before expiresAt is passed, 'pack_expired' when the
 * first instant after expiresAt (expiresAt is the last valid millisecond) is passed.
 */
export function packExpiryCrossings(expiresAt: Date, from: Date, to: Date): PackExpiryNotice[] {
  const crossed = (t: number): boolean => from.getTime() < t && t <= to.getTime();
  const out: PackExpiryNotice[] = [];
  if (crossed(expiresAt.getTime() - 7 * DAY_MS)) out.push('pack_expiring');
  if (crossed(expiresAt.getTime() + 1)) out.push('pack_expired');
  return out;
}
