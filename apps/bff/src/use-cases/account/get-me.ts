import { AccountAction, type Me } from '@idv/contracts';
import type { Auth, Deps } from '../../deps.ts';
import { can } from '../../lib/permissions.ts';
import { iso } from '../../presenters.ts';
import { type AccountRow, accountNow, getAccountRow } from '../../repositories/accounts.ts';

/** `preloaded`: the account row read with the session (issue 15), when it is `auth.accountId`'s. */
export async function getMe(deps: Deps, auth: Auth, preloaded?: AccountRow | null): Promise<Me> {
  const account =
    preloaded && preloaded.id === auth.accountId
      ? preloaded
      : auth.accountId
        ? await getAccountRow(deps.db, auth.accountId)
        : null;
  const now = account ? accountNow(deps.clock, account) : deps.clock.now();
  return {
    user: {
      id: auth.user.id,
      email: auth.user.email,
      name: auth.user.name,
      kind: auth.user.kind,
      roles: auth.user.roles,
    },
    account: account ? { id: account.id, name: account.name } : null,
    impersonation: auth.impersonation
      ? {
          agentId: auth.impersonation.agentId,
          reason: auth.impersonation.reason,
          expiresAt: iso(auth.impersonation.expiresAt),
          write: auth.impersonation.write,
        }
      : null,
    clock: { now: iso(now), simulated: Boolean(account?.isDemo && account.simulatedNow) },
    // R9.1/R9.2 from the one grant table (http/context.ts); the console never keeps its own.
    permissions: account ? AccountAction.options.filter((a) => can(auth, a)) : [],
  };
}
