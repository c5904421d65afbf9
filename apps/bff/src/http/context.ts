import type { accounts } from '@idv/db';
import type { Context } from 'hono';
import type { Auth, Deps } from '../deps.ts';
import { AppError, forbidden, unauthenticated } from '../errors.ts';
import { type Action, can } from '../lib/permissions.ts';
import type { Limits } from './rate-limit.ts';

export type { Auth, Deps };

/** An account row as read from the database (the columns of `accounts`). */
export type SessionAccount = typeof accounts.$inferSelect;

export type AppEnv = {
  Variables: {
    deps: Deps;
    auth: Auth | null;
    /**
     * The row of `auth.accountId`, read by the session middleware in the same statement as the
     * session (issue 15): this request's snapshot of the account (status, balances, demo clock), so a
     * read needs no second query for it. Null when signed out or acting on no account.
     */
    account: SessionAccount | null;
    /**
     * The same row, or on a GET answered from a session snapshot (http/session-snapshots.ts) the row
     * as read ≤ TTL ago (1 s; docs/decisions/0019): for what may lag a write on another instance by
     * that bound (the account's name, demo clock and violation flag on /me and /packs), never for
     * balances or anything a write decides on. Null when `account` would be.
     */
    accountSnapshot: SessionAccount | null;
    requestId: string;
    limits: Limits;
    /** The account of the service key that authenticated this request (POST /usage/events), if any. */
    serviceAccountId: string | undefined;
  };
};

export type Ctx = Context<AppEnv>;

export function requireAuth(c: Ctx): Auth {
  const auth = c.get('auth');
  if (!auth) throw unauthenticated();
  return auth;
}

/**
 * The account a customer request acts on, after checking the caller may do `action` there; `account`
 * is its row as read with the session by this request (null if it was not: the use case reads it
 * itself), `snapshot` that row possibly from a session snapshot (see AppEnv).
 */
export function requireAccount(
  c: Ctx,
  action: Action = 'read',
): { auth: Auth; accountId: string; account: SessionAccount | null; snapshot: SessionAccount | null } {
  const auth = requireAuth(c);
  if (!auth.accountId) throw forbidden('This needs a customer account; staff must impersonate one first.');
  if (!can(auth, action)) {
    if (auth.impersonation && !auth.impersonation.write) {
      // The SESSION is read-only (R9.2), not the agent's role: say so, and how to get a write session.
      throw new AppError(
        'READ_ONLY_IMPERSONATION',
        403,
        'This support session is read-only: it can look but not change anything. Stop it and start a write session (needs the write permission) to act.',
      );
    }
    if (auth.impersonation) throw forbidden('A support session cannot do this, even with write access.');
    throw forbidden('Your role in this account does not allow this.');
  }
  const account = c.get('account');
  const snapshot = c.get('accountSnapshot');
  return {
    auth,
    accountId: auth.accountId,
    account: account?.id === auth.accountId ? account : null,
    snapshot: snapshot?.id === auth.accountId ? snapshot : null,
  };
}

export function requireStaff(c: Ctx, role: string): Auth {
  const auth = requireAuth(c);
  if (auth.user.kind !== 'staff' || !auth.user.roles.includes(role)) throw forbidden();
  return auth;
}
