import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { money } from './common.ts';
import { accountRef, labelRef } from './refs.ts';

export const billingLabels = pgTable('billing_labels', {
  code: text('code').primaryKey(),
  product: text('product').notNull(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  unitPrice: money('unit_price').notNull(),
  trialCalls: integer('trial_calls').notNull().default(0),
  trialRule: text('trial_rule', { enum: ['none', 'activation', 'eid'] })
    .notNull()
    .default('none'),
  sort: integer('sort').notNull(),
});

export const packTiers = pgTable(
  'pack_tiers',
  {
    label: labelRef(),
    size: integer('size').notNull(),
    price: money('price').notNull(),
  },
  (t) => [primaryKey({ columns: [t.label, t.size] })],
);

/** R5.2 monthly volume tiers (阶梯到达), a setting per label. */
export const monthlyPriceTiers = pgTable(
  'monthly_price_tiers',
  {
    label: labelRef(),
    fromCalls: integer('from_calls').notNull(),
    unitPrice: money('unit_price').notNull(),
  },
  (t) => [primaryKey({ columns: [t.label, t.fromCalls] })],
);

/**
 * R5.2 a monthly tier table of one account and label: set by a PM on a demo tenant (the demo
 * endpoint refuses real accounts). Settlement prefers it to the label's setting above.
 */
export const accountMonthlyPriceTiers = pgTable(
  'account_monthly_price_tiers',
  {
    accountId: accountRef(),
    label: labelRef(),
    fromCalls: integer('from_calls').notNull(),
    unitPrice: money('unit_price').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.label, t.fromCalls] })],
);
