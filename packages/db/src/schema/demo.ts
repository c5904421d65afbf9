import { index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.ts';
import { ts } from './common.ts';
import { accountRef } from './refs.ts';

/** R9.3 demo tenants: a demo account, who made it, from which scenario. */
export const demoTenants = pgTable('demo_tenants', {
  accountId: text('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  createdBy: text('created_by').notNull(),
  scenario: text('scenario', { enum: ['empty', 'rich'] }).notNull(),
  startAt: ts('start_at').notNull(),
  createdAt: ts('created_at').notNull(),
  /**
   * R9.3 the clock move in progress (all null when none): persisted before the first step so that a
   * move killed mid-way is resumed exactly (docs/decisions/0010). `moveId` is the fencing token of
   * whoever drives it, `moveLeaseUntil` (database time) how long it is theirs without a new step.
   */
  moveId: text('move_id'),
  moveTarget: ts('move_target'),
  /** The usage plan of the move (contracts' UsageInjection[]), injected day by day. */
  moveUsage: jsonb('move_usage'),
  moveStartedAt: ts('move_started_at'),
  moveLeaseUntil: ts('move_lease_until'),
});

/** What the demo clock made happen, for the demo panel's timeline. */
export const demoTimeline = pgTable(
  'demo_timeline',
  {
    accountId: accountRef(),
    at: ts('at').notNull(),
    kind: text('kind').notNull(),
    summary: text('summary').notNull(),
    seq: text('seq').notNull(),
  },
  (t) => [index('demo_timeline_account_idx').on(t.accountId, t.at)],
);
