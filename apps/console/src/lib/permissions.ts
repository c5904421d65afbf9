import type { AccountAction, Me } from '@idv/contracts';

/**
 * What the signed-in user may do in the account (R9.1, R9.2): the server's answer in GET /me
 * (`permissions`), so the role table exists only in the BFF (docs/decisions/0015). The server checks
 * every request again anyway.
 */
export type Action = AccountAction;

export function can(me: Me | undefined, action: Action): boolean {
  return me?.permissions.includes(action) ?? false;
}

/**
 * Why the user cannot act: a read-only support SESSION (R9.2) is not the same as a read-only ROLE
 * (R9.1), and an agent must not be told "your role is read-only".
 */
export function readOnlyKey(me: Me | undefined): 'money.readOnlySession' | 'money.readOnlyRole' {
  return me?.impersonation && !me.impersonation.write ? 'money.readOnlySession' : 'money.readOnlyRole';
}
