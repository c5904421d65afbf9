import type { Me } from '@idv/contracts';

/** What the signed-in user may do in the account (R9.1, R9.2); the server checks again anyway. */
export type Action = 'buy' | 'refund' | 'recharge' | 'settings';

const grants: Record<string, readonly Action[]> = {
  owner: ['buy', 'refund', 'recharge', 'settings'],
  finance: ['buy', 'refund', 'recharge'],
  viewer: [],
};

export function can(me: Me | undefined, action: Action): boolean {
  if (!me?.account) return false;
  if (me.impersonation) return me.impersonation.write;
  if (me.user.kind !== 'customer') return false;
  return me.user.roles.some((r) => grants[r]?.includes(action));
}

/**
 * Why the user cannot act: a read-only support SESSION (R9.2) is not the same as a read-only ROLE
 * (R9.1), and an agent must not be told "your role is read-only".
 */
export function readOnlyKey(me: Me | undefined): 'money.readOnlySession' | 'money.readOnlyRole' {
  return me?.impersonation && !me.impersonation.write ? 'money.readOnlySession' : 'money.readOnlyRole';
}
