import { formatCst } from '@idv/billing';
import { forbidden, notFound } from '../errors.ts';
import type { Auth, Deps } from '../http/context.ts';
import { deleteTenantRows, getDemoTenant, listDemoTenants, listTimeline, tenantUsers } from '../repositories/demo.ts';
import { createDemoTenant, requirePm } from './create-demo-tenant.ts';

/** The demo clock may be driven by a PM, or by the tenant's own customer (the floating demo panel). */
export function requireDemoDriver(auth: Auth, accountId: string): void {
  const pm = auth.user.kind === 'staff' && auth.user.roles.includes('pm');
  const ownTenant = auth.user.kind === 'customer' && auth.user.accountId === accountId;
  if (!pm && !ownTenant) throw forbidden('Only product managers and the tenant itself can drive a demo clock.');
}

export async function listDemoTenantsUseCase(deps: Deps, auth: Auth) {
  requirePm(auth);
  const list = await listDemoTenants(deps.db);
  return {
    items: list.map((r) => ({
      accountId: r.tenant.accountId,
      name: r.account.name,
      scenario: r.tenant.scenario,
      customerEmail: r.email,
      createdAt: formatCst(r.tenant.createdAt),
      clock: { now: formatCst(r.account.simulatedNow ?? r.tenant.startAt), simulated: true as const },
      status: r.account.status,
    })),
    nextCursor: null,
  };
}

export async function getDemoTimelineUseCase(deps: Deps, auth: Auth, accountId: string) {
  requireDemoDriver(auth, accountId);
  const tenant = await getDemoTenant(deps.db, accountId);
  if (!tenant) throw notFound('demo tenant');
  const items = await listTimeline(deps.db, accountId, 500);
  return { items: items.map((h) => ({ at: formatCst(h.at), kind: h.kind, summary: h.summary })) };
}

/** R9.3: deleting a tenant removes all its rows; a real account is never touched (404). */
export async function deleteDemoTenantUseCase(deps: Deps, auth: Auth, accountId: string): Promise<void> {
  requirePm(auth);
  const tenant = await getDemoTenant(deps.db, accountId);
  if (!tenant) throw notFound('demo tenant');
  await deleteTenantRows(deps.db, accountId);
}

/** R9.3 reset: the same tenant (id and customer sign-in) rebuilt from its scenario at its start time. */
export async function resetDemoTenantUseCase(deps: Deps, auth: Auth, accountId: string) {
  requirePm(auth);
  const tenant = await getDemoTenant(deps.db, accountId);
  if (!tenant) throw notFound('demo tenant');
  const members = await tenantUsers(deps.db, accountId);
  await deleteTenantRows(deps.db, accountId);
  return createDemoTenant(
    deps,
    auth,
    { scenario: tenant.tenant.scenario, startAt: tenant.tenant.startAt.toISOString(), name: tenant.account.name },
    { accountId, users: members },
  );
}
