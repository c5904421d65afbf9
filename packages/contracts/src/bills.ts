import { z } from 'zod';
import { BILL_COLUMN_IDS } from './bill-columns.ts';
import { ListQuery, MoneyString, MonthString, Timestamp } from './common.ts';

/** R5.5 bills. Months are CST calendar months ('YYYY-MM'): the billing period of each charge. */
export const BillingMode = z.enum(['prepaid', 'postpaid']);
export type BillingMode = z.infer<typeof BillingMode>;
export const TransactionType = z.enum([
  'purchase',
  'refund',
  'daily_settlement',
  'monthly_settlement',
  'pack_deduction',
]);
export type TransactionType = z.infer<typeof TransactionType>;

/** An optional text filter; an empty value (`?product=`) means "no filter". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));
const optionalEnum = <T extends z.ZodEnum>(e: T) =>
  z
    .union([e, z.literal('')])
    .optional()
    .transform((v): z.output<T> | undefined => (v === '' ? undefined : (v as z.output<T> | undefined)));

/**
 * The filters shared by the resource-ID bill, the itemized bill, its CSV and (optionally) the
 * overview (R5.5). `q` matches a resource id or alias (case-insensitive substring). A resource
 * filter (project, region, q) excludes the account-wide rows (purchases and refunds), which belong
 * to no resource.
 */
export const BillFilters = z.object({
  month: MonthString,
  product: optionalText(50),
  project: optionalText(100),
  region: optionalText(50),
  billingMode: optionalEnum(BillingMode),
  transactionType: optionalEnum(TransactionType),
  q: optionalText(100),
});
export type BillFilters = z.infer<typeof BillFilters>;

export const BillListQuery = BillFilters.extend(ListQuery.shape);
export type BillListQuery = z.infer<typeof BillListQuery>;

/** The overview takes the month and, optionally, the same filters (so it reconciles for any filter). */
export const BillOverviewQuery = BillFilters;
export type BillOverviewQuery = z.infer<typeof BillOverviewQuery>;

/** The CSV takes the same filters and the reader's language; anything but zh-CN/en: Accept-Language (api.md). */
export const BillCsvQuery = BillFilters.extend({
  lang: z.string().optional().describe('zh-CN | en; otherwise the Accept-Language header decides'),
});

export const BillOverview = z.object({
  month: MonthString,
  total: MoneyString,
  /** Rows (count of itemized charges) in the month for the filter. */
  count: z.number().int(),
  byProduct: z.array(z.object({ product: z.string(), total: MoneyString, count: z.number().int() })),
  byBillingMode: z.array(z.object({ billingMode: BillingMode, total: MoneyString, count: z.number().int() })),
  /** The 12 months ending at `month`, oldest first; months without charges have total "0.00". */
  trend: z.array(z.object({ month: MonthString, total: MoneyString })),
  /** True once every day of the month has been settled (R5.1/R5.2): the bill is final. */
  settled: z.boolean(),
});
export type BillOverview = z.infer<typeof BillOverview>;

/** Count and total of every row matching the filter (not just the page). */
export const BillSummary = z.object({ count: z.number().int(), total: MoneyString });
export type BillSummary = z.infer<typeof BillSummary>;

/**
 * One row per resource and product. Purchases and refunds belong to no resource: they appear as one
 * row per product with `resourceId: null`, `accountWide: true` and alias "(account-wide)".
 */
export const BillResourceRow = z.object({
  resourceId: z.string().nullable(),
  alias: z.string(),
  project: z.string().nullable(),
  region: z.string().nullable(),
  product: z.string(),
  total: MoneyString,
  /** Itemized rows behind this line (drill-down: GET /bills/items?q=<resourceId>&product=<product>). */
  count: z.number().int(),
  quantity: z.number().int(),
  accountWide: z.boolean(),
});
export type BillResourceRow = z.infer<typeof BillResourceRow>;

export const BillResourcesResponse = z.object({
  items: z.array(BillResourceRow),
  nextCursor: z.string().nullable(),
  /** count and total of the itemized rows behind the filter (equal to the itemized bill's), rows = resource rows. */
  summary: BillSummary.extend({ rows: z.number().int() }),
});
export type BillResourcesResponse = z.infer<typeof BillResourcesResponse>;

export const BillItem = z.object({
  id: z.string(),
  occurredAt: Timestamp,
  /** The billing period the row belongs to (a settlement made on the 1st bills the previous month). */
  month: MonthString,
  /** null for account-wide rows (purchases, refunds); alias/project/region then null too. */
  resourceId: z.string().nullable(),
  alias: z.string().nullable(),
  project: z.string().nullable(),
  region: z.string().nullable(),
  product: z.string(),
  label: z.string(),
  billingMode: BillingMode,
  transactionType: TransactionType,
  /** Unit price with 2 to 4 decimals ("0.0035"). */
  unitPrice: MoneyString,
  quantity: z.number().int(),
  /** Negative for refunds; "0.00" for pack deductions. */
  amount: MoneyString,
  paid: z.object({ cash: MoneyString, income: MoneyString, gift: MoneyString, voucher: MoneyString }),
  /** Prepaid rows link to their order. */
  orderId: z.string().nullable(),
  packId: z.string().nullable(),
  settlementId: z.string().nullable(),
});
export type BillItem = z.infer<typeof BillItem>;

export const BillItemsResponse = z.object({
  items: z.array(BillItem),
  nextCursor: z.string().nullable(),
  summary: BillSummary,
});
export type BillItemsResponse = z.infer<typeof BillItemsResponse>;

/** Column ids of the itemized bill, in their default order (the column chooser, R5.5). */
export const BillColumnIds = BILL_COLUMN_IDS;
export const BillColumnId = z.enum(BillColumnIds);
export type BillColumnId = z.infer<typeof BillColumnId>;

export const BillColumnsBody = z
  .object({
    columns: z
      .array(BillColumnId)
      .min(1)
      .max(BillColumnIds.length)
      .refine((cs) => new Set(cs).size === cs.length, 'columns must not repeat'),
  })
  .strict();
export type BillColumnsBody = z.infer<typeof BillColumnsBody>;

export const BillColumns = z.object({
  /** The visible columns, in order. */
  columns: z.array(BillColumnId),
  /** Every column the itemized bill can show, in the default order. */
  available: z.array(BillColumnId),
  /** True while the user has not chosen (the default: every column). */
  isDefault: z.boolean(),
});
export type BillColumns = z.infer<typeof BillColumns>;
