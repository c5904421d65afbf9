import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { ts } from './common.ts';
import { accountRef } from './refs.ts';

/**
 * Failed sign-in throttling, shared by every BFF instance (docs/decisions/0013). One row per key:
 * `pair:<email>|<source>` (one account from one client address, progressive) or `source:<address>`
 * (every account from one address, a window). Rows expire and are purged.
 */
export const signInThrottle = pgTable(
  'sign_in_throttle',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    lastFailureAt: ts('last_failure_at').notNull(),
    /** Attempts for this key are refused (429) until then. */
    blockedUntil: ts('blocked_until'),
    /** The row is forgotten after this instant (the counter starts again). */
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('sign_in_throttle_expires_idx').on(t.expiresAt)],
);

/** R9.1: an owner invites an email with a role; the invitee sets a password through a one-time link. */
export const invitations = pgTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    accountId: accountRef(),
    /** Lower-cased. */
    email: text('email').notNull(),
    role: text('role', { enum: ['owner', 'finance', 'viewer'] }).notNull(),
    /** SHA-256 of the link's token; the token itself is never stored. */
    tokenHash: text('token_hash').notNull(),
    invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: ['pending', 'accepted', 'revoked'] })
      .notNull()
      .default('pending'),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    acceptedAt: ts('accepted_at'),
    acceptedUserId: text('accepted_user_id'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    uniqueIndex('invitations_token_uq').on(t.tokenHash),
    // Re-inviting replaces the old link: one pending invitation per account and email.
    uniqueIndex('invitations_pending_uq').on(t.accountId, t.email).where(sql`${t.status} = 'pending'`),
    index('invitations_account_idx').on(t.accountId, t.createdAt),
  ],
);
