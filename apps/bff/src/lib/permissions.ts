import type { AccountAction } from '@idv/contracts';
import type { Auth } from '../deps.ts';

/** What an account-scoped request may do (R9.1, R9.2). */
/** `personal` is the reader's own bookkeeping (marking notifications read): every role, but not a read-only agent. */
export type Action = AccountAction;

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
