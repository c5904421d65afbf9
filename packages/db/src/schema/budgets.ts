import { boolean, index, integer, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.ts';
import { money, ts } from './common.ts';
import { accountRef, labelRef } from './refs.ts';

/**
 * R10.2 auto top-up rule, one per account and label. `armed` is the crossing latch: a rule acts (buys,
 * or sends one auto_topup_failed notice) only while armed, and disarms in the same transaction; it is
 * re-armed when the label's remaining calls are seen at or above `below_calls` again. `crossings`
 * counts the crossings acted on (it names the failure notice's cause).
 */
export const autoTopupRules = pgTable(
  'auto_topup_rules',
  {
    accountId: accountRef(),
    label: labelRef(),
    enabled: boolean('enabled').notNull(),
    belowCalls: integer('below_calls').notNull(),
    size: integer('size').notNull(),
    quantity: integer('quantity').notNull(),
    monthlyLimit: integer('monthly_limit').notNull(),
    armed: boolean('armed').notNull().default(true),
    crossings: integer('crossings').notNull().default(0),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.label] })],
);

/** R10.1 monthly budgets: an amount for a scope (whole account, one product, or one label). */
export const budgets = pgTable(
  'budgets',
  {
    id: text('id').primaryKey(),
    accountId: accountRef(),
    name: text('name').notNull(),
    amount: money('amount').notNull(),
    scopeProduct: text('scope_product'),
    scopeLabel: text('scope_label'),
    thresholds: integer('thresholds').array().notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('budgets_account_idx').on(t.accountId, t.createdAt)],
);

/** R10.1 the alerts a budget has raised: once per budget, month, threshold and kind (unique). */
export const budgetAlerts = pgTable(
  'budget_alerts',
  {
    budgetId: text('budget_id')
      .notNull()
      .references(() => budgets.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    threshold: integer('threshold').notNull(),
    kind: text('kind', { enum: ['actual', 'forecast'] }).notNull(),
    at: ts('at').notNull(),
  },
  (t) => [unique('budget_alerts_uq').on(t.budgetId, t.month, t.threshold, t.kind)],
);

/**
 * R10.3 How far the usage anomaly check has run for an account: every settled day up to and including
 * `checked_through` has been judged (the job then looks only at days settled since).
 */
export const usageAnomalyChecks = pgTable('usage_anomaly_checks', {
  accountId: text('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  checkedThrough: text('checked_through').notNull(),
});
