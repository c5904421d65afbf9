import { DomainError } from './errors.ts';
import {
  formatAmount,
  formatMoney4,
  type Money,
  maxMoney,
  minMoney,
  mulCount,
  roundHalfUpToCent,
  ZERO,
} from './money.ts';
import { startOfCstDay } from './time.ts';

/**
 * R5.1 One settlement line: count × unit price, rounded half-up to 0.01 once, at the line.
 */
export function priceLine(unitPrice: Money, count: number): Money {
  return roundHalfUpToCent(mulCount(unitPrice, count));
}

/** R5.2 Monthly volume tiers (阶梯到达) of one label: from `fromCalls` calls a month, `unitPrice`. */
export type TierTable = { fromCalls: number; unitPrice: Money }[];

/**
 * R5.2 The unit price that applies to the whole month: the tier with the largest fromCalls
 * that the month's total reaches (fromCalls ≤ total). Decision: below the first tier, or with
 * no table, the plain unit price applies. The table need not be sorted.
 */
export function monthlyTierUnitPrice(totalMonthCalls: number, table: TierTable | null, plainUnitPrice: Money): Money {
  let best: { fromCalls: number; unitPrice: Money } | undefined;
  for (const tier of table ?? []) {
    if (!Number.isSafeInteger(tier.fromCalls) || tier.fromCalls < 0) {
      throw new DomainError('INVALID_TIER_TABLE', 'fromCalls must be a non-negative integer');
    }
    if (tier.fromCalls <= totalMonthCalls && (best === undefined || tier.fromCalls > best.fromCalls)) {
      best = tier;
    }
  }
  return best?.unitPrice ?? plainUnitPrice;
}

/**
 * R5.2 The month's charge for a label: all of the month's calls at the reached tier's unit
 * price, rounded to the cent once (R5.1). For per-resource lines use monthlyTierUnitPrice with
 * the account's month total and priceLine per resource.
 */
export function monthlyTieredPrice(totalMonthCalls: number, table: TierTable | null, plainUnitPrice: Money): Money {
  return priceLine(monthlyTierUnitPrice(totalMonthCalls, table, plainUnitPrice), totalMonthCalls);
}

/** R2.1 The three balances of an account. */
export interface Balances {
  cash: Money;
  income: Money;
  gift: Money;
}

/** R2.1 Available balance = cash + income transfer + gift. */
export function availableBalance(b: Balances): Money {
  return b.cash + b.income + b.gift;
}

/** R6.1 An account is in arrears while its available balance is below 0. */
export function isInArrears(b: Balances): boolean {
  return availableBalance(b) < ZERO;
}

export interface BalanceSplit {
  gift: Money;
  income: Money;
  cash: Money;
  /** Part not covered by positive balances; with allowNegativeCash it is included in `cash`. */
  shortfall: Money;
}

/**
 * R2.3 Draws `amount` from gift, then income transfer, then cash; only positive balances are
 * drawn. Without allowNegativeCash an uncovered remainder throws INSUFFICIENT_BALANCE (the
 * order fails, nothing changes). With allowNegativeCash (settlement, R5.1) the remainder is
 * taken from cash, driving it negative (arrears, R6.1); it is reported as `shortfall` and is
 * part of `cash`. The caller subtracts the split from the balances; this function is pure.
 */
export function payFromBalances(amount: Money, balances: Balances, opts: { allowNegativeCash: boolean }): BalanceSplit {
  if (amount < ZERO) throw new DomainError('INVALID_AMOUNT', 'amount must be >= 0', { amount: formatMoney4(amount) });
  let rest = amount;
  const take = (available: Money): Money => {
    const t = minMoney(rest, maxMoney(available, ZERO));
    rest -= t;
    return t;
  };
  const gift = take(balances.gift);
  const income = take(balances.income);
  const cash = take(balances.cash);
  const shortfall = rest;
  if (shortfall > ZERO && !opts.allowNegativeCash) {
    throw new DomainError('INSUFFICIENT_BALANCE', 'the balances cannot cover this amount', {
      shortfall: formatAmountSafe(shortfall),
    });
  }
  return { gift, income, cash: cash + shortfall, shortfall };
}

const formatAmountSafe = (m: Money): string => (m % 100n === 0n ? formatAmount(m) : formatMoney4(m));

export interface OrderPayment {
  voucher: Money;
  gift: Money;
  income: Money;
  cash: Money;
}

/**
 * R2.2/R2.3 Paying an order: the voucher first, consumed whole with no change given (the
 * voucher's part is min(face, amount)), then gift, income transfer, cash. Throws
 * INSUFFICIENT_BALANCE if the balances cannot cover the rest.
 */
export function payOrder(amount: Money, balances: Balances, voucherFaceValue: Money | null): OrderPayment {
  const { shortfall, ...paid } = quoteOrder(amount, balances, voucherFaceValue);
  if (shortfall > ZERO) {
    throw new DomainError('INSUFFICIENT_BALANCE', 'the balances cannot cover this amount', {
      shortfall: formatAmountSafe(shortfall),
    });
  }
  return paid;
}

/**
 * R2.2/R2.3 The split `payOrder` would make, never throwing: what the voucher, gift, income transfer
 * and cash pay, and the `shortfall` the balances cannot cover (then the order is refused with 402).
 * The console's buy preview shows this before the customer confirms (docs/decisions/0015).
 */
export function quoteOrder(
  amount: Money,
  balances: Balances,
  voucherFaceValue: Money | null,
): OrderPayment & { shortfall: Money } {
  if (voucherFaceValue !== null && voucherFaceValue < ZERO) {
    throw new DomainError('INVALID_VOUCHER', 'voucher face value must be >= 0');
  }
  if (amount < ZERO) throw new DomainError('INVALID_AMOUNT', 'amount must be >= 0', { amount: formatMoney4(amount) });
  const voucher = voucherFaceValue === null ? ZERO : minMoney(voucherFaceValue, amount);
  const { gift, income, cash, shortfall } = payFromBalances(amount - voucher, balances, { allowNegativeCash: true });
  return { voucher, gift, income, cash: cash - shortfall, shortfall };
}

/** R5.1 Accounts activated on or after this instant settle daily; earlier ones monthly (R5.2). */
export const DAILY_SETTLEMENT_FROM: Date = startOfCstDay('2023-01-04');

export type SettlementMode = 'daily' | 'monthly';

/** R5.1/R5.2 Settlement mode by activation time. */
export function settlementMode(activatedAt: Date): SettlementMode {
  return activatedAt.getTime() >= DAILY_SETTLEMENT_FROM.getTime() ? 'daily' : 'monthly';
}
