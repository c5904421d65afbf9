import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { money, ts } from './common.ts';
import { accountRef } from './refs.ts';

export const accounts = pgTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    settlement: text('settlement', { enum: ['daily', 'monthly'] }).notNull(),
    activatedAt: ts('activated_at').notNull(),
    postpaidEnabled: boolean('postpaid_enabled').notNull().default(true),
    status: text('status', { enum: ['active', 'arrears', 'suspended', 'released'] })
      .notNull()
      .default('active'),
    arrearsSince: ts('arrears_since'),
    suspendedAt: ts('suspended_at'),
    /** R8.2: suspended for violating rules (staff flag, distinct from arrears). */
    violation: boolean('violation').notNull().default(false),
    /** Cached balances; every change is written together with its ledger entries (R2.4). */
    cash: money('cash').notNull().default('0'),
    income: money('income').notNull().default('0'),
    gift: money('gift').notNull().default('0'),
    /** Demo tenants (R9.3) carry their own simulated clock; real accounts never do. */
    isDemo: boolean('is_demo').notNull().default(false),
    simulatedNow: ts('simulated_now'),
    /** Last CST date settled (daily) — events on or before it are refused (R4.6). */
    settledThrough: text('settled_through'),
    eidApprovedAt: ts('eid_approved_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('demo_clock_only_on_demo', sql`${t.simulatedNow} is null or ${t.isDemo}`),
    index('accounts_name_idx').on(t.name),
  ],
);

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    kind: text('kind', { enum: ['customer', 'staff'] }).notNull(),
    /** customer: owner | finance | viewer (R9.1); staff: support | support_write | pm (R9.2, R9.3). */
    roles: text('roles').array().notNull(),
    accountId: text('account_id').references(() => accounts.id, { onDelete: 'cascade' }),
    locale: text('locale').notNull().default('zh-CN'),
    /** Mobile number for SMS notifications (R7). */
    phone: text('phone'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_uq').on(sql`lower(${t.email})`),
    index('users_account_idx').on(t.accountId),
    check('customer_has_account', sql`${t.kind} = 'staff' or ${t.accountId} is not null`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha-256 of the cookie token; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    /** Set while a support agent acts on a customer account through this session (R9.2). */
    impersonationId: text('impersonation_id'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Money ledger (R2.4): immutable; balances are the sum of these entries. */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigint('id', { mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: accountRef(),
    balance: text('balance', { enum: ['cash', 'income', 'gift'] }).notNull(),
    amount: money('amount').notNull(),
    reason: text('reason', {
      enum: ['opening', 'recharge', 'purchase', 'refund', 'settlement', 'adjustment'],
    }).notNull(),
    refType: text('ref_type').notNull(),
    refId: text('ref_id').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('ledger_account_idx').on(t.accountId, t.id)],
);

export const vouchers = pgTable(
  'vouchers',
  {
    id: text('id').primaryKey(),
    accountId: accountRef(),
    faceValue: money('face_value').notNull(),
    expiresAt: ts('expires_at').notNull(),
    /** null = any product group (R2.2). */
    productGroups: text('product_groups').array(),
    usedOrderId: text('used_order_id'),
    usedAt: ts('used_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('vouchers_account_idx').on(t.accountId)],
);

/** The customer's applications that calls come from (R4.1, R5.5). */
export const resources = pgTable(
  'resources',
  {
    id: text('id').primaryKey(),
    accountId: accountRef(),
    alias: text('alias').notNull(),
    project: text('project').notNull(),
    region: text('region').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('resources_account_idx').on(t.accountId)],
);

export const serviceKeys = pgTable(
  'service_keys',
  {
    id: text('id').primaryKey(),
    accountId: accountRef(),
    name: text('name').notNull(),
    /** sha-256 of the key; the key is shown once at creation. */
    keyHash: text('key_hash').notNull().unique(),
    prefix: text('prefix').notNull(),
    createdAt: ts('created_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('service_keys_account_idx').on(t.accountId)],
);

/** Idempotency-Key records for money-moving mutations (api.md). */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    accountId: accountRef(),
    key: text('key').notNull(),
    route: text('route').notNull(),
    bodyHash: text('body_hash').notNull(),
    status: integer('status').notNull(),
    response: text('response').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('idempotency_uq').on(t.accountId, t.route, t.key)],
);
