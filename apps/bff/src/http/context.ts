import type { Db } from '@idv/db';
import type { Context } from 'hono';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import { AppError, forbidden, unauthenticated } from '../errors.ts';
import type { Senders } from '../notifications/senders.ts';
import type { Logger } from '../observability/logger.ts';
import type { PaymentProvider } from '../payments/payment-provider.ts';
import type { Lifecycle } from './health.ts';
import type { Limits } from './rate-limit.ts';

export interface Deps {
  db: Db;
  clock: Clock;
  config: Config;
  /** Email and SMS delivery; defaults from config (SMTP or the outbox only). */
  senders?: Senders;
  /** The payment step of recharges (R2.1); the sandbox provider when absent. */
  payments?: PaymentProvider;
  /** Set by the server process: draining during a shutdown (GET /readyz answers 503). */
  lifecycle?: Lifecycle;
  /** The process's JSON logger (server.ts); from config.logLevel when absent. */
  logger?: Logger;
}

export interface Auth {
  sessionId: string;
  user: {
    id: string;
    email: string;
    name: string;
    kind: 'customer' | 'staff';
    roles: string[];
    accountId: string | null;
  };
  /** The account the request acts on: the customer's own, or the impersonated one (R9.2). */
  accountId: string | null;
  impersonation: { id: string; agentId: string; reason: string; expiresAt: Date; write: boolean } | null;
}

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
  return { auth, accountId: auth.accountId };
}

export function requireStaff(c: Ctx, role: string): Auth {
  const auth = requireAuth(c);
  if (auth.user.kind !== 'staff' || !auth.user.roles.includes(role)) throw forbidden();
  return auth;
}
