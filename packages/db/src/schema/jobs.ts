import { pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from './common.ts';

/**
 * Scale-out coordination of the scheduler: a BFF instance runs an account's jobs only while it holds
 * that account's lease (key `account:<id>`). Claimed with INSERT … ON CONFLICT DO UPDATE … WHERE the
 * old lease has run out (or is the claimer's own), so of two instances exactly one gets each key;
 * deleted when the work is done, so the table holds only work in progress. A crashed instance's
 * leases simply run out. No foreign key: claiming must not take a lock on the account row.
 */
export const jobLeases = pgTable('job_leases', {
  key: text('key').primaryKey(),
  holder: text('holder').notNull(),
  leasedUntil: ts('leased_until').notNull(),
});
