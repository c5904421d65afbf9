import { bigint, boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts, users } from './accounts.ts';
import { ts } from './common.ts';
import { accountRef } from './refs.ts';

/** R7: one notification per cause — (account, kind, cause) is unique. */
export const notifications = pgTable(
  'notifications',
  {
    id: bigint('id', { mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: accountRef(),
    kind: text('kind').notNull(),
    cause: text('cause').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    bodyZh: text('body_zh').notNull(),
    bodyEn: text('body_en').notNull(),
    /** Issue 17: what the texts were made from, so a client can say them in its reader's language. Null before. */
    params: jsonb('params').$type<Record<string, string | number>>(),
    channels: text('channels').array().notNull(),
    createdAt: ts('created_at').notNull(),
    readAt: ts('read_at'),
  },
  (t) => [
    uniqueIndex('notifications_cause_uq').on(t.accountId, t.kind, t.cause),
    index('notifications_account_idx').on(t.accountId, t.id),
  ],
);

export const notificationSettings = pgTable('notification_settings', {
  accountId: text('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  kinds: jsonb('kinds').$type<Record<string, { email: boolean; sms: boolean }>>().notNull(),
  dailyReport: boolean('daily_report').notNull().default(false),
  /** R3.6/R7: reports are sent for daily settlements made after the subscription began. */
  dailyReportSince: ts('daily_report_since'),
});

/** Durable outbox for email/SMS (R7), processed by a job with retries. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigint('id', { mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
    notificationId: bigint('notification_id', { mode: 'bigint' })
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: ['email', 'sms'] }).notNull(),
    recipient: text('recipient').notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    lastError: text('last_error'),
    subject: text('subject').notNull().default(''),
    body: text('body').notNull().default(''),
    provider: text('provider'),
    sentAt: ts('sent_at'),
    /**
     * R7 a worker's lease on a pending row while it sends outside any transaction: set by the claim,
     * cleared by the result. A claim older than the lease is taken again (at-least-once delivery).
     */
    claimToken: text('claim_token'),
    claimedAt: ts('claimed_at'),
  },
  (t) => [
    uniqueIndex('outbox_uq').on(t.notificationId, t.channel),
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
  ],
);

/** R9.2 support impersonation. */
export const impersonations = pgTable(
  'impersonations',
  {
    id: text('id').primaryKey(),
    agentId: text('agent_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accountId: accountRef(),
    sessionId: text('session_id').notNull(),
    reason: text('reason').notNull(),
    ticket: text('ticket'),
    write: boolean('write').notNull(),
    startedAt: ts('started_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    endedAt: ts('ended_at'),
  },
  (t) => [index('impersonations_session_idx').on(t.sessionId)],
);

/** Append-only audit log (R9.2). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
    at: ts('at').notNull(),
    actorId: text('actor_id').notNull(),
    actorKind: text('actor_kind', { enum: ['customer', 'staff', 'system'] }).notNull(),
    accountId: text('account_id'),
    impersonationId: text('impersonation_id'),
    action: text('action').notNull(),
    reason: text('reason'),
    requestId: text('request_id'),
    outcome: text('outcome').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_account_idx').on(t.accountId, t.id)],
);
