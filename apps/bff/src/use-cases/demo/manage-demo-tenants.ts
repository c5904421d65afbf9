import { formatCst, formatMoney4, parseMoney } from '@idv/billing';
import type { PutTierTableBody } from '@idv/contracts';
import { withCode } from '../../demo/event-codes.ts';
import type { Auth, Deps } from '../../deps.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { catalogMap } from '../../repositories/catalog.ts';
import {
  deleteTenantRows,
  getDemoTenant,
  listDemoTenants,
  listTimeline,
  moveState,
  tenantResources,
  tenantSignals,
  tenantUsers,
} from '../../repositories/demo.ts';
import { accountTierTables, replaceAccountTierTable } from '../../repositories/settlement.ts';
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

const encodeCursor = (at: Date, seq: string) => Buffer.from(`${at.toISOString()}|${seq}`).toString('base64url');

function decodeCursor(cursor: string): { at: Date; seq: string } {
  const [at = '', seq = ''] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at);
  if (Number.isNaN(date.getTime()) || seq === '') throw new AppError('INVALID_CURSOR', 400, 'The cursor is not valid.');
  return { at: date, seq };
}

/**
 * R9.3 The tenant's timeline, newest first, `limit` a page, each entry with its code and params (the
 * console says it in the reader's language) beside the English summary.
 */
export async function getDemoTimelineUseCase(
  deps: Deps,
  auth: Auth,
  accountId: string,
  page: { cursor?: string | undefined; limit: number } = { limit: 50 },
) {
  requireDemoDriver(auth, accountId);
  const tenant = await getDemoTenant(deps.db, accountId);
  if (!tenant) throw notFound('demo tenant');
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const rows = await listTimeline(deps.db, accountId, page.limit + 1, after);
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items: items.map((h) => withCode({ at: formatCst(h.at), kind: h.kind, summary: h.summary })),
    nextCursor: rows.length > page.limit && last ? encodeCursor(last.at, last.seq) : null,
  };
}

/** R9.3: deleting a tenant removes all its rows; a real account is never touched (404). */
export async function deleteDemoTenantUseCase(deps: Deps, auth: Auth, accountId: string): Promise<void> {
  requirePm(auth);
  const tenant = await getDemoTenant(deps.db, accountId);
  if (!tenant) throw notFound('demo tenant');
  // All of the tenant's rows go in one transaction, or none do.
  await deps.db.transaction((tx) => deleteTenantRows(tx, accountId));
}

/** R9.3 reset: the same tenant (id and customer sign-in) rebuilt from its scenario at its start time. */
export async function resetDemoTenantUseCase(deps: Deps, auth: Auth, accountId: string) {
  requirePm(auth);
  const tenant = await getDemoTenant(deps.db, accountId);
  if (!tenant) throw notFound('demo tenant');
  const members = await tenantUsers(deps.db, accountId);
  // createDemoTenant deletes the old rows in the transaction that writes the new base tenant.
  return createDemoTenant(
    deps,
    auth,
    { scenario: tenant.tenant.scenario, startAt: tenant.tenant.startAt.toISOString(), name: tenant.account.name },
    { accountId, users: members },
  );
}

/**
 * R9.3 One tenant as a PM console needs it, from whichever PM browser asks: settlement mode (from its
 * activation, R5.1/R5.2), status, customer sign-in email (never a password or its hash), resources,
 * clock, the move in progress and its own tier tables. Only PMs (403); not a demo tenant → 404.
 */
export async function getDemoTenantUseCase(deps: Deps, auth: Auth, accountId: string) {
  requirePm(auth);
  const tenant = await getDemoTenant(deps.db, accountId);
  if (!tenant?.account.simulatedNow) throw notFound('demo tenant');
  const [members, res, move, tiers, signals] = await Promise.all([
    tenantUsers(deps.db, accountId),
    tenantResources(deps.db, accountId),
    moveState(deps.db, accountId),
    accountTierTables(deps.db, accountId),
    tenantSignals(deps.db, accountId),
  ]);
  const email = (members.find((m) => m.roles.includes('owner')) ?? members[0])?.email ?? null;
  const tierTables = new Map<string, { fromCalls: number; unitPrice: string }[]>();
  for (const t of tiers) {
    const list = tierTables.get(t.label) ?? [];
    list.push({ fromCalls: t.fromCalls, unitPrice: formatMoney4(parseMoney(t.unitPrice)) });
    tierTables.set(t.label, list);
  }
  return {
    accountId,
    name: tenant.account.name,
    scenario: tenant.tenant.scenario,
    startAt: formatCst(tenant.tenant.startAt),
    activatedAt: formatCst(tenant.account.activatedAt),
    settlement: tenant.account.settlement,
    status: tenant.account.status,
    customer: { email },
    customerEmail: email,
    resources: res.map((r) => ({ id: r.id, alias: r.alias, project: r.project, region: r.region })),
    clock: { now: formatCst(tenant.account.simulatedNow), simulated: true as const },
    move: move ? { target: move.target ? formatCst(move.target) : null, state: move.state } : null,
    tierTables: [...tierTables].map(([label, list]) => ({ label, tiers: list })),
    createdAt: formatCst(tenant.tenant.createdAt),
    signals,
  };
}

/** A PM's demo tenant that settles monthly (R5.2 tiers apply only there); 404 for anything else. */
async function monthlyTenant(deps: Deps, auth: Auth, accountId: string) {
  requirePm(auth);
  const tenant = await getDemoTenant(deps.db, accountId);
  if (!tenant?.account.simulatedNow) throw notFound('demo tenant');
  if (tenant.account.settlement !== 'monthly') {
    throw new AppError(
      'NOT_MONTHLY_SETTLED',
      409,
      'This tenant settles daily (activated on or after 2023-01-04); volume tiers apply to monthly settlement only (R5.2).',
    );
  }
  return tenant;
}

/**
 * R5.2 Sets a demo tenant's monthly volume tier table of one label (replacing the previous one): the
 * whole month's postpaid calls of the label are priced at the tier the month's total reaches, at the
 * tenant's next monthly settlement. Real accounts' tables stay a setting (docs/decisions/0010).
 */
export async function putDemoTierTableUseCase(
  deps: Deps,
  auth: Auth,
  accountId: string,
  label: string,
  body: PutTierTableBody,
) {
  await monthlyTenant(deps, auth, accountId);
  if (!(await catalogMap(deps.db)).has(label)) {
    throw new AppError('UNKNOWN_LABEL', 400, `There is no billing label "${label}".`, {
      errors: [{ path: 'label', message: 'unknown billing label' }],
    });
  }
  const tiers = [...body.tiers]
    .sort((a, b) => a.fromCalls - b.fromCalls)
    .map((t) => ({ fromCalls: t.fromCalls, unitPrice: formatMoney4(parseMoney(t.unitPrice)) }));
  await deps.db.transaction((tx) => replaceAccountTierTable(tx, accountId, label, tiers));
  return { label, tiers };
}

export async function deleteDemoTierTableUseCase(deps: Deps, auth: Auth, accountId: string, label: string) {
  requirePm(auth);
  const tenant = await getDemoTenant(deps.db, accountId);
  if (!tenant?.account.simulatedNow) throw notFound('demo tenant');
  await replaceAccountTierTable(deps.db, accountId, label, []);
}
