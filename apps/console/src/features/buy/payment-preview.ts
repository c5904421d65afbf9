import { formatAmount, maxMoney, mulCount, parseMoney, quoteOrder } from '@idv/billing';

/**
 * R2.2 / R2.3 The payment split of an order, previewed in the browser before the customer confirms:
 * billing's `quoteOrder`, the function the server pays the order with (docs/decisions/0015), on the
 * wire's decimal strings. Money stays exact (billing's money module), never JS numbers.
 */

export interface Balances {
  cash: string;
  income: string;
  gift: string;
}

export interface PaymentPreview {
  /** tier price × quantity */
  amount: string;
  /** The voucher is consumed whole; only up to the amount counts (no change is given, R2.2). */
  voucher: string;
  gift: string;
  income: string;
  cash: string;
  /** What the balances cannot cover ("0.00" when covered). */
  shortfall: string;
  covered: boolean;
  /** Part of the voucher's face value that is forfeited because the order is smaller (no change). */
  voucherUnused: string;
}

/**
 * R2.3: voucher first (if picked), then the rest from gift, then income transfer, then cash. A
 * negative balance (arrears) contributes nothing. When the balances run out, the rest is the
 * shortfall (the server refuses such an order with 402 INSUFFICIENT_BALANCE and changes nothing).
 */
export function previewPayment(input: {
  tierPrice: string;
  quantity: number;
  balances: Balances;
  voucherFaceValue?: string | null;
}): PaymentPreview {
  if (!Number.isInteger(input.quantity) || input.quantity < 1) throw new Error('quantity must be a positive integer');
  const amount = mulCount(parseMoney(input.tierPrice), input.quantity);
  const face = input.voucherFaceValue ? parseMoney(input.voucherFaceValue) : null;
  const b = input.balances;
  const q = quoteOrder(
    amount,
    { gift: parseMoney(b.gift), income: parseMoney(b.income), cash: parseMoney(b.cash) },
    face,
  );
  return {
    amount: formatAmount(amount),
    voucher: formatAmount(q.voucher),
    gift: formatAmount(q.gift),
    income: formatAmount(q.income),
    cash: formatAmount(q.cash),
    shortfall: formatAmount(q.shortfall),
    covered: q.shortfall === 0n,
    voucherUnused: formatAmount(face === null ? 0n : maxMoney(face - q.voucher, 0n)),
  };
}

/** Subtotal for display: `price × quantity` as an exact string. */
export function multiplyMoney(price: string, quantity: number): string {
  return formatAmount(mulCount(parseMoney(price), quantity));
}
