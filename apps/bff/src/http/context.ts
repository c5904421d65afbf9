import type { Context } from 'hono';
import type { Auth, Deps } from '../deps.ts';
import { AppError, forbidden, unauthenticated } from '../errors.ts';
import type { Limits } from './rate-limit.ts';

export type { Auth, Deps };

export type AppEnv = {
  Variables: {
    deps: Deps;
    auth: Auth | null;
    requestId: string;
    limits: Limits;
  };
};

export type Ctx = Context<AppEnv>;

export function requireAuth(c: Ctx): Auth {
  const auth = c.get('auth');
  if (!auth) throw unauthenticated();
  return auth;
}

/** What an account-scoped request may do (R9.1, R9.2). */
/** `personal` is the reader's own bookkeeping (marking notifications read): every role, but not a read-only agent. */
export type Action = 'read' | 'personal' | 'buy' | 'refund' | 'recharge' | 'settings' | 'manage_users';

const customerGrants: Record<string, readonly Action[]> = {
  owner: ['read', 'personal', 'buy', 'refund', 'recharge', 'settings', 'manage_users'],
  finance: ['read', 'personal', 'buy', 'refund', 'recharge'],
  viewer: ['read', 'personal'],
};

export function can(auth: Auth, action: Action): boolean {
  if (auth.impersonation) {
    // R9.2: impersonation is read-only unless the agent holds the write permission and asked for it.
    return action === 'read' || (auth.impersonation.write && action !== 'manage_users');
  }
  if (auth.user.kind !== 'customer') return false;
  return auth.user.roles.some((r) => customerGrants[r]?.includes(action));
}

/** The account a customer request acts on, after checking the caller may do `action` there. */
export function requireAccount(c: Ctx, action: Action = 'read'): { auth: Auth; accountId: string } {
  const auth = requireAuth(c);
  if (!auth.accountId) throw forbidden('This needs a customer account; staff must impersonate one first.');
  if (!can(auth, action)) {
    if (auth.impersonation && !auth.impersonation.write) {
      throw new AppError('READ_ONLY_IMPERSONATION', 403, 'This impersonation is read-only.');
    }
    throw forbidden('Your role in this account does not allow this.');
  }
  return { auth, accountId: auth.accountId };
}

export function requireStaff(c: Ctx, role: string): Auth {
  const auth = requireAuth(c);
  if (auth.user.kind !== 'staff' || !auth.user.roles.includes(role)) throw forbidden();
  return auth;
}
