import { formatAmount, parseMoney } from '@idv/billing';
import type { Balances, PaymentPreview } from './payment-preview.ts';

/** One source of the payment on the confirm step: what is taken, and the balance before and after. */
export interface ConfirmLine {
  kind: 'voucher' | 'gift' | 'income' | 'cash';
  taken: string;
  /** Balance before and after (null for the voucher, which is consumed whole, R2.2). */
  before: string | null;
  after: string | null;
}

export interface ConfirmSummary {
  /** The order's price (tier price × quantity). */
  amount: string;
  /** What the balances pay after the voucher: gift + income transfer + cash. */
  payable: string;
  lines: ConfirmLine[];
}

/**
 * Issue 17: the confirm step before paying. It reads the R2.3 split from the buy page's payment preview
 * (the one split rule the page already uses; no second copy here) and adds the totals the customer
 * needs to check: what is paid after the voucher and each balance before and after.
 */
export function confirmSummary(preview: PaymentPreview, balances: Balances): ConfirmSummary {
  const gift = parseMoney(preview.gift);
  const income = parseMoney(preview.income);
  const cash = parseMoney(preview.cash);
  const line = (kind: 'gift' | 'income' | 'cash', taken: bigint): ConfirmLine => {
    const before = parseMoney(balances[kind]);
    return { kind, taken: formatAmount(taken), before: formatAmount(before), after: formatAmount(before - taken) };
  };
  const lines: ConfirmLine[] = [
    ...(parseMoney(preview.voucher) > 0n
      ? [{ kind: 'voucher' as const, taken: preview.voucher, before: null, after: null }]
      : []),
    line('gift', gift),
    line('income', income),
    line('cash', cash),
  ];
  return { amount: preview.amount, payable: formatAmount(gift + income + cash), lines };
}
