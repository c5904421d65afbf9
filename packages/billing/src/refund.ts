import type { PackSource, PackStatus } from './deduction.ts';
import { DomainError } from './errors.ts';
import { allocate, type Money } from './money.ts';
import { refundDeadline } from './time.ts';

/** Why a pack cannot be refunded (R8.2, R8.5). */
export type RefundBlock =
  | 'ALREADY_REFUNDED'
  | 'NOT_REFUNDABLE_GIFT'
  | 'ACCOUNT_VIOLATION'
  | 'CAMPAIGN_EXCLUDED'
  | 'PACK_PARTIALLY_USED'
  | 'REFUND_WINDOW_CLOSED'
  | 'REFUND_REFUSED';

/**
 * Precedence when several blocks apply (decision; the rule book is silent): the order of this
 * list. Facts about what the pack *is* come first (already refunded, a gift, the account's
 * violation flag, campaign terms), then what happened to it (calls used), then time (window
 * closed), and a staff refusal last: it is the only block the customer could dispute, so it is
 * shown only when nothing more basic stands in the way.
 */
export const REFUND_BLOCK_PRECEDENCE: readonly RefundBlock[] = [
  'ALREADY_REFUNDED',
  'NOT_REFUNDABLE_GIFT',
  'ACCOUNT_VIOLATION',
  'CAMPAIGN_EXCLUDED',
  'PACK_PARTIALLY_USED',
  'REFUND_WINDOW_CLOSED',
  'REFUND_REFUSED',
];

export interface RefundPackInput {
  source: PackSource;
  status: PackStatus;
  used: number;
  acquiredAt: Date;
  refundExcluded: boolean;
  refusedReason: string | null;
}

export type RefundEligibility =
  | { eligible: true; deadline: Date }
  | { eligible: false; reason: RefundBlock; deadline: Date | null };

/**
 * R8.1/R8.2/R8.5 Whether a pack can be refunded now. `deadline` is the end of the refund window
 * (R8.1, D+7 23:59:59.999 CST) for purchased packs, null for gift packs (never refundable).
 */
export function refundEligibility(input: {
  pack: RefundPackInput;
  accountViolation: boolean;
  now: Date;
}): RefundEligibility {
  const { pack, accountViolation, now } = input;
  const deadline = pack.source === 'purchase' ? refundDeadline(pack.acquiredAt) : null;
  const blocks: Record<RefundBlock, boolean> = {
    ALREADY_REFUNDED: pack.status === 'refunded', // R8.5 at most once
    NOT_REFUNDABLE_GIFT: pack.source === 'gift', // R8.2 gift / promotion
    ACCOUNT_VIOLATION: accountViolation, // R8.2 staff flag, distinct from arrears
    CAMPAIGN_EXCLUDED: pack.refundExcluded, // R8.2 campaign rules
    PACK_PARTIALLY_USED: pack.used > 0, // R8.2 any call used (covers 'exhausted')
    REFUND_WINDOW_CLOSED: deadline === null || now.getTime() > deadline.getTime(), // R8.1
    REFUND_REFUSED: pack.refusedReason !== null, // R8.5 staff refusal for suspected abuse
  };
  const reason = REFUND_BLOCK_PRECEDENCE.find((b) => blocks[b]);
  if (reason !== undefined) return { eligible: false, reason, deadline };
  if (deadline === null) throw new Error('unreachable: gift packs are blocked above');
  return { eligible: true, deadline };
}

/** What an order (or a refund) took from / returns to each balance. */
export interface PaidSplit {
  gift: Money;
  income: Money;
  cash: Money;
}

/**
 * R8.3 One pack's refund out of a multi-pack order: each balance kind is allocated across the
 * `quantity` packs in equal shares by the largest-remainder method, pack `packIndex` (0-based)
 * takes part `packIndex`, so the N refunds add up exactly to what the order took from each
 * balance. The voucher part is never returned (R2.2, R8.3), so it is not an input.
 */
export function packRefundShare(orderPaid: PaidSplit, quantity: number, packIndex: number): PaidSplit {
  if (!Number.isSafeInteger(quantity) || quantity < 1) {
    throw new DomainError('INVALID_ARGUMENT', 'quantity must be an integer >= 1', { quantity });
  }
  if (!Number.isSafeInteger(packIndex) || packIndex < 0 || packIndex >= quantity) {
    throw new DomainError('INVALID_ARGUMENT', 'packIndex out of range', { quantity, packIndex });
  }
  const weights = Array.from({ length: quantity }, () => 1n);
  const part = (total: Money): Money => allocate(total, weights)[packIndex] ?? 0n;
  return { gift: part(orderPaid.gift), income: part(orderPaid.income), cash: part(orderPaid.cash) };
}

/** Sum of a split's three balance parts (the refund amount shown before confirming, R8.4). */
export function amount(split: PaidSplit): Money {
  return split.gift + split.income + split.cash;
}

/** Alias of `amount` with a self-explaining name. */
export const refundAmount = amount;
