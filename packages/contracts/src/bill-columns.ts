/**
 * The columns of the itemized bill (R5.5), zod-free so that the console can import them without pulling
 * zod into its chunks (`@idv/contracts/bill-columns`). One list for the contract's `BillColumnId`, the
 * console's column chooser and the BFF's CSV export.
 */

/** The numeric (right-aligned) columns, in their default order. */
export const NUMERIC_BILL_COLUMN_IDS = [
  'unitPrice',
  'quantity',
  'amount',
  'paidCash',
  'paidIncome',
  'paidGift',
  'paidVoucher',
] as const;

/** What a bill line charged and how it was paid: the itemized bill's columns after its time and application. */
export const CHARGE_COLUMN_IDS = [
  'product',
  'label',
  'billingMode',
  'transactionType',
  ...NUMERIC_BILL_COLUMN_IDS,
  'orderId',
] as const;

/** Every column of the itemized bill, in its default order (the column chooser). */
export const BILL_COLUMN_IDS = ['occurredAt', 'resourceId', 'alias', ...CHARGE_COLUMN_IDS] as const;
