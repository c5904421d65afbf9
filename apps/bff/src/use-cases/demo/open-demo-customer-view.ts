import type { Auth, Deps } from '../../deps.ts';
import { forbidden, notFound } from '../../errors.ts';
import { sha256 } from '../../lib/crypto.ts';
import { audit } from '../../repositories/audit.ts';
import { deleteSession, loadSession } from '../../repositories/auth.ts';
import { demoTenantOwner, getDemoTenant } from '../../repositories/demo.ts';
import { startSession } from '../auth/sign-in.ts';
import { requirePm } from './create-demo-tenant.ts';

/**
 * R9.3 "Open the customer's view": a demo-only sign-in as the tenant's owner, for PMs only (403), for
 * demo tenants only (404), never while impersonating, audited on the tenant. The PM's own session is
 * kept (not ended): the route hands its token back in a separate cookie so that `exitDemoCustomerView`
 * can return this browser to the PM (docs/demo-tenants.md).
 */
export async function openDemoCustomerView(deps: Deps, auth: Auth, accountId: string, requestId?: string) {
  requirePm(auth);
  if (auth.impersonation) throw forbidden('End the support session first.');
  const tenant = await getDemoTenant(deps.db, accountId);
  if (!tenant?.account.simulatedNow) throw notFound('demo tenant');
  const owner = await demoTenantOwner(deps.db, accountId);
  if (!owner) throw notFound('demo tenant');
  // No previous session is ended: the PM's stays for the way back.
  const session = await startSession(deps, owner, null);
  await audit(deps.db, {
    auth,
    accountId,
    action: 'demo.customer_view_start',
    outcome: 'ok',
    at: deps.clock.now(),
    requestId,
    detail: { customer: owner.email },
  });
  return { ...session, accountId };
}

/** The PM session behind a customer view, if it is still a live PM session (idle and absolute limits). */
async function livePmSession(deps: Deps, pmToken: string | undefined) {
  if (!pmToken) return null;
  const row = await loadSession(deps.db, sha256(pmToken));
  if (!row) return null;
  const now = deps.clock.now().getTime();
  const live =
    row.session.expiresAt.getTime() > now && now - row.session.lastSeenAt.getTime() <= deps.config.sessionIdleMs;
  if (!live || row.user.kind !== 'staff' || !row.user.roles.includes('pm')) return null;
  return row;
}

/** Whose customer view this session is: the tenant and the PM, or 404 when it is not one. */
export async function demoCustomerViewState(deps: Deps, auth: Auth, pmToken: string | undefined) {
  const pm = await livePmSession(deps, pmToken);
  if (!pm || auth.user.kind !== 'customer' || !auth.accountId) throw notFound('customer view');
  const tenant = await getDemoTenant(deps.db, auth.accountId);
  if (!tenant) throw notFound('customer view');
  return { accountId: auth.accountId, pmEmail: pm.user.email };
}

/**
 * Back to the PM: the customer-view session ends and the PM's session (token from the route's cookie)
 * is the browser's again, audited. 404 when there is no live PM session to go back to (sign in again).
 */
export async function exitDemoCustomerView(
  deps: Deps,
  auth: Auth,
  pmToken: string | undefined,
  requestId?: string,
): Promise<{ token: string; accountId: string }> {
  const state = await demoCustomerViewState(deps, auth, pmToken);
  const pm = await livePmSession(deps, pmToken);
  if (!pm || !pmToken) throw notFound('customer view');
  await deleteSession(deps.db, auth.sessionId);
  await audit(deps.db, {
    auth: {
      sessionId: pm.session.id,
      user: { ...pm.user, accountId: pm.user.accountId ?? null },
      accountId: null,
      impersonation: null,
    },
    accountId: state.accountId,
    action: 'demo.customer_view_end',
    outcome: 'ok',
    at: deps.clock.now(),
    requestId,
    detail: { customer: auth.user.email },
  });
  return { token: pmToken, accountId: state.accountId };
}
