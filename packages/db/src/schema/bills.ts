import { bigint, index, integer, numeric, pgTable, text, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { money, ts } from './common.ts';
import { accountRef } from './refs.ts';

/** R5.5 the bill's dimensions that every level (charges and both aggregates) carries. */
function billingMode() {
  return text('billing_mode', { enum: ['prepaid', 'postpaid'] }).notNull();
}
function transactionType() {
  return text('transaction_type', {
    enum: ['purchase', 'refund', 'daily_settlement', 'monthly_settlement', 'pack_deduction'],
  }).notNull();
}
/** What an aggregate row sums of its charges (kept by the triggers on `charges`). */
function aggregateSums() {
  return {
    rowCount: bigint('row_count', { mode: 'bigint' }).notNull(),
    quantity: bigint('quantity', { mode: 'bigint' }).notNull(),
    amount: numeric('amount').notNull(),
  };
}

/** Itemized bill rows (R5.5): one row per charge, never aggregated. */
export const charges = pgTable(
  'charges',
  {
    id: bigint('id', { mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: accountRef(),
    occurredAt: ts('occurred_at').notNull(),
    /** CST calendar month of occurredAt, 'YYYY-MM'. */
    month: text('month').notNull(),
    resourceId: text('resource_id'),
    product: text('product').notNull(),
    label: text('label').notNull(),
    billingMode: billingMode(),
    transactionType: transactionType(),
    unitPrice: money('unit_price').notNull(),
    quantity: integer('quantity').notNull(),
    amount: money('amount').notNull(),
    paidCash: money('paid_cash').notNull().default('0'),
    paidIncome: money('paid_income').notNull().default('0'),
    paidGift: money('paid_gift').notNull().default('0'),
    paidVoucher: money('paid_voucher').notNull().default('0'),
    orderId: text('order_id'),
    packId: bigint('pack_id', { mode: 'bigint' }),
    settlementId: text('settlement_id'),
  },
  (t) => [
    index('charges_account_month_idx').on(t.accountId, t.month, t.id),
    index('charges_account_resource_idx').on(t.accountId, t.resourceId, t.month),
    // R5.5 itemized bill: keyset pages in (occurred_at desc, id desc) order within a month, one index
    // per selective filter so a filtered page (or one 100,000 rows deep) is an index range scan too.
    index('charges_bill_time_idx').on(t.accountId, t.month, t.occurredAt, t.id),
    index('charges_bill_product_idx').on(t.accountId, t.month, t.product, t.occurredAt, t.id),
    index('charges_bill_mode_idx').on(t.accountId, t.month, t.billingMode, t.occurredAt, t.id),
    index('charges_bill_type_idx').on(t.accountId, t.month, t.transactionType, t.occurredAt, t.id),
    index('charges_bill_resource_idx').on(t.accountId, t.month, t.resourceId, t.occurredAt, t.id),
  ],
);

/**
 * R5.5 bill aggregate: one row per account, month, resource (null = account-wide purchases and
 * refunds), product, billing mode and transaction type, with the count, quantity and amount of its
 * charges. Every bill filter is one of these dimensions, so the overview, the resource-ID bill and
 * the filtered count/total are sums over a few hundred rows instead of millions of charges.
 * Maintained only by statement-level triggers on `charges` (migration 0001 bills-aggregate), in the
 * same transaction as the charge rows, so it cannot drift; never written by application code.
 */
export const billAggregates = pgTable(
  'bill_aggregates',
  {
    accountId: accountRef(),
    month: text('month').notNull(),
    resourceId: text('resource_id'),
    product: text('product').notNull(),
    billingMode: billingMode(),
    transactionType: transactionType(),
    ...aggregateSums(),
  },
  (t) => [
    unique('bill_aggregates_uq')
      .on(t.accountId, t.month, t.resourceId, t.product, t.billingMode, t.transactionType)
      .nullsNotDistinct(),
  ],
);

/**
 * R5.5 second summary level: bill_aggregates without the resource dimension (one row per account,
 * month, product, billing mode and transaction type), a few hundred rows per account-year instead of
 * ~100k. Read when no resource filter (project, region, q) is given: the overview and its 12-month
 * trend, and the itemized bill's count/total. Kept by the same statement-level triggers on `charges`
 * (migration 0006 bills-month-aggregate), in the same transaction; never written by application code.
 */
export const billMonthAggregates = pgTable(
  'bill_month_aggregates',
  {
    accountId: accountRef(),
    month: text('month').notNull(),
    product: text('product').notNull(),
    billingMode: billingMode(),
    transactionType: transactionType(),
    ...aggregateSums(),
  },
  (t) => [unique('bill_month_aggregates_uq').on(t.accountId, t.month, t.product, t.billingMode, t.transactionType)],
);

/** R5.3: one settlement per account and period; the unique key makes re-runs no-ops. */
export const settlements = pgTable(
  'settlements',
  {
    id: text('id').primaryKey(),
    accountId: accountRef(),
    kind: text('kind', { enum: ['daily', 'monthly'] }).notNull(),
    period: text('period').notNull(),
    amount: money('amount').notNull(),
    calls: integer('calls').notNull(),
    settledAt: ts('settled_at').notNull(),
  },
  (t) => [uniqueIndex('settlements_uq').on(t.accountId, t.kind, t.period)],
);

export const userPreferences = pgTable(
  'user_preferences',
  {
    userId: text('user_id').notNull(),
    key: text('key').notNull(),
    value: text('value').notNull(),
  },
  (t) => [uniqueIndex('user_preferences_uq').on(t.userId, t.key)],
);

export const jobRuns = pgTable(
  'job_runs',
  {
    job: text('job').notNull(),
    scope: text('scope').notNull(),
    ranAt: ts('ran_at').notNull(),
  },
  (t) => [uniqueIndex('job_runs_uq').on(t.job, t.scope)],
);
