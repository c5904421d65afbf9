import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { money, ts } from './common.ts';
import { accountRef, labelRef } from './refs.ts';

export const orders = pgTable(
  'orders',
  {
    id: text('id').primaryKey(),
    accountId: accountRef(),
    label: labelRef(),
    size: integer('size').notNull(),
    quantity: integer('quantity').notNull(),
    tierPrice: money('tier_price').notNull(),
    amount: money('amount').notNull(),
    paidVoucher: money('paid_voucher').notNull(),
    paidGift: money('paid_gift').notNull(),
    paidIncome: money('paid_income').notNull(),
    paidCash: money('paid_cash').notNull(),
    voucherId: text('voucher_id'),
    /** R10.2 who placed the order: the customer ('manual') or an auto top-up rule ('auto_topup'). */
    trigger: text('trigger', { enum: ['manual', 'auto_topup'] })
      .notNull()
      .default('manual'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('orders_account_idx').on(t.accountId, t.createdAt)],
);

/** R3.1 resource packs. used is guarded by a check so no concurrency can break R4.7. */
export const packs = pgTable(
  'packs',
  {
    id: bigint('id', { mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: accountRef(),
    label: labelRef(),
    source: text('source', { enum: ['purchase', 'gift'] }).notNull(),
    total: integer('total').notNull(),
    used: integer('used').notNull().default(0),
    status: text('status', { enum: ['active', 'exhausted', 'expired', 'refunded'] })
      .notNull()
      .default('active'),
    acquiredAt: ts('acquired_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    orderId: text('order_id').references(() => orders.id, { onDelete: 'cascade' }),
    /** 0-based position within its order, for the pro-rata refund share (R8.3). */
    orderIndex: integer('order_index'),
    /** R8.2: campaign rules exclude refunds. */
    refundExcluded: boolean('refund_excluded').notNull().default(false),
    /** R8.5: staff refused the refund for suspected abuse; the customer sees this reason. */
    refundRefusedReason: text('refund_refused_reason'),
    /** Why the pack exists, e.g. 'trial' or 'promotion' (R3.4). */
    grantReason: text('grant_reason'),
  },
  (t) => [
    check('packs_used_range', sql`${t.used} >= 0 and ${t.used} <= ${t.total}`),
    check('packs_total_positive', sql`${t.total} > 0`),
    index('packs_account_label_idx').on(t.accountId, t.label, t.status),
    index('packs_account_expiry_idx').on(t.accountId, t.expiresAt, t.id),
    // The scheduler's due-accounts query (R7 expiry) looks across all accounts for live packs near expiry.
    index('packs_live_expiry_idx').on(t.expiresAt).where(sql`${t.status} in ('active', 'exhausted')`),
  ],
);

export const refunds = pgTable(
  'refunds',
  {
    id: text('id').primaryKey(),
    accountId: accountRef(),
    packId: bigint('pack_id', { mode: 'bigint' })
      .notNull()
      .references(() => packs.id, { onDelete: 'cascade' }),
    orderId: text('order_id').notNull(),
    amount: money('amount').notNull(),
    returnedCash: money('returned_cash').notNull(),
    returnedIncome: money('returned_income').notNull(),
    returnedGift: money('returned_gift').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    // R8.5: a pack is refunded at most once, whatever the concurrency.
    uniqueIndex('refunds_pack_uq').on(t.packId),
    index('refunds_account_idx').on(t.accountId, t.createdAt),
  ],
);

/** R4.1 usage events; the primary key makes a re-sent id a no-op. */
export const usageEvents = pgTable(
  'usage_events',
  {
    accountId: accountRef(),
    eventId: text('event_id').notNull(),
    label: text('label').notNull(),
    resourceId: text('resource_id').notNull(),
    result: text('result').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    /** CST calendar day of occurredAt. */
    day: text('day').notNull(),
    outcome: text('outcome', { enum: ['pack', 'postpaid', 'free', 'rejected'] }).notNull(),
    packId: bigint('pack_id', { mode: 'bigint' }),
    code: text('code'),
    /** Why the event went where it did (deduction explainer): e.g. 'gift_first', 'covered_on_delivery'. */
    rule: text('rule'),
    receivedAt: ts('received_at').notNull(),
  },
  (t) => [
    uniqueIndex('usage_events_pk').on(t.accountId, t.eventId),
    index('usage_events_postpaid_idx').on(t.accountId, t.day, t.label).where(sql`${t.outcome} = 'postpaid'`),
    index('usage_events_pack_day_idx').on(t.packId, t.day),
    index('usage_events_account_day_idx').on(t.accountId, t.day),
  ],
);

/** SSL certificate orders (R8.6). */
export const benefitPackages = pgTable('benefit_packages', {
  id: text('id').primaryKey(),
  accountId: accountRef(),
  name: text('name').notNull(),
  points: integer('points').notNull(),
});

export const certificateOrders = pgTable(
  'certificate_orders',
  {
    id: text('id').primaryKey(),
    accountId: accountRef(),
    domain: text('domain').notNull(),
    product: text('product').notNull(),
    status: text('status', {
      enum: ['pending_submission', 'validating', 'issued', 'failed', 'review_suspended', 'cancelled', 'refunded'],
    }).notNull(),
    amount: money('amount').notNull(),
    paidCash: money('paid_cash').notNull(),
    paidGift: money('paid_gift').notNull(),
    paidVoucher: money('paid_voucher').notNull(),
    paidDiscount: money('paid_discount').notNull().default('0'),
    benefitPoints: integer('benefit_points').notNull().default(0),
    benefitPackageId: text('benefit_package_id'),
    everIssued: boolean('ever_issued').notNull().default(false),
    createdAt: ts('created_at').notNull(),
    refundedAt: ts('refunded_at'),
  },
  (t) => [index('certificate_orders_account_idx').on(t.accountId)],
);
