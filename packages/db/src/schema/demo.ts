import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.ts';
import { ts } from './common.ts';

/** R9.3 demo tenants: a demo account, who made it, from which scenario. */
export const demoTenants = pgTable('demo_tenants', {
  accountId: text('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  createdBy: text('created_by').notNull(),
  scenario: text('scenario', { enum: ['empty', 'rich'] }).notNull(),
  startAt: ts('start_at').notNull(),
  createdAt: ts('created_at').notNull(),
});

/** What the demo clock made happen, for the demo panel's timeline. */
export const demoTimeline = pgTable(
  'demo_timeline',
  {
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    at: ts('at').notNull(),
    kind: text('kind').notNull(),
    summary: text('summary').notNull(),
    seq: text('seq').notNull(),
  },
  (t) => [index('demo_timeline_account_idx').on(t.accountId, t.at)],
);
