/**
 * R2.2 / R2.3 The payment split of an order, previewed in the browser before the customer confirms.
 * Money stays exact: decimal strings are parsed to integer cents (BigInt), never to JS numbers.
 * The server decides for real; this mirrors its rule so the customer sees the same split first.
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d{1,4}))?$/;

/**
 * `"11000.00"` → `1100000n` cents. Amounts carry at most 2 decimals for orders and balances; a
 * value with sub-cent digits (prices have up to 4, R1.2) is accepted only when those digits are 0.
 */
export function toCents(amount: string): bigint {
  const m = DECIMAL.exec(amount.trim());
  if (!m) throw new Error(`not a decimal amount: ${amount}`);
  const [, sign, int = '0', frac = ''] = m;
  const padded = frac.padEnd(4, '0');
  if (padded.slice(2) !== '00') throw new Error(`amount has sub-cent digits: ${amount}`);
  const cents = BigInt(int) * 100n + BigInt(padded.slice(0, 2));
  return sign === '-' ? -cents : cents;
}

/** `1100000n` → `"11000.00"`. */
export function fromCents(cents: bigint): string {
  const neg = cents < 0n;
  const abs = neg ? -cents : cents;
  const int = abs / 100n;
  const frac = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${int}.${frac}`;
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);
const max = (a: bigint, b: bigint) => (a > b ? a : b);

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
  const amount = toCents(input.tierPrice) * BigInt(input.quantity);
  const face = input.voucherFaceValue ? toCents(input.voucherFaceValue) : 0n;
  const voucher = min(max(face, 0n), amount);
  let rest = amount - voucher;
  const take = (balance: string) => {
    const t = min(rest, max(toCents(balance), 0n));
    rest -= t;
    return t;
  };
  const gift = take(input.balances.gift);
  const income = take(input.balances.income);
  const cash = take(input.balances.cash);
  return {
    amount: fromCents(amount),
    voucher: fromCents(voucher),
    gift: fromCents(gift),
    income: fromCents(income),
    cash: fromCents(cash),
    shortfall: fromCents(rest),
    covered: rest === 0n,
    voucherUnused: fromCents(max(face - voucher, 0n)),
  };
}

/** Subtotal for display: `price × quantity` as an exact string. */
export function multiplyMoney(price: string, quantity: number): string {
  return fromCents(toCents(price) * BigInt(quantity));
}
