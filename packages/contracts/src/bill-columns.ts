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

/** Every column of the itemized bill, in its default order (the column chooser). */
export const BILL_COLUMN_IDS = [
  'occurredAt',
  'resourceId',
  'alias',
  'product',
  'label',
  'billingMode',
  'transactionType',
  ...NUMERIC_BILL_COLUMN_IDS,
  'orderId',
] as const;
