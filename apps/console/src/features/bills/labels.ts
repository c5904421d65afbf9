import type { BillColumnId, BillingMode, TransactionType } from '@idv/contracts';
import type { I18n, MessageKey } from '../../lib/i18n.tsx';

/** Product codes that are not in the pricing catalog but do appear on bills. */
export const EXTRA_PRODUCTS = ['ssl'] as const;

export function productName(i18n: Pick<I18n, 'tMaybe'>, code: string): string {
  return i18n.tMaybe(`product.${code}`, i18n.tMaybe(`bills.product.${code}`, code));
}

export const modeKey = (m: BillingMode): MessageKey => `bills.mode.${m}`;
export const txKey = (t: TransactionType): MessageKey => `bills.tx.${t}`;
export const columnKey = (c: BillColumnId): MessageKey => `bills.col.${c}`;
