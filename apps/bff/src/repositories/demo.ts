import { parseMoney } from '@idv/billing';
import {
  accounts,
  auditLog,
  certificateOrders,
  charges,
  type DbOrTx,
  demoTenants,
  demoTimeline,
  jobRuns,
  resources,
  userPreferences,
  users,
} from '@idv/db';
import { and, asc, desc, eq, inArray, like } from 'drizzle-orm';
import { postLedger } from './ledger.ts';

export async function insertDemoTenant(
  db: DbOrTx,
  t: { accountId: string; createdBy: string; scenario: 'empty' | 'rich'; startAt: Date; createdAt: Date },
) {
  await db.insert(demoTenants).values(t);
}

export async function getDemoTenant(db: DbOrTx, accountId: string) {
  const [row] = await db
    .select({ tenant: demoTenants, account: accounts })
    .from(demoTenants)
    .innerJoin(accounts, eq(accounts.id, demoTenants.accountId))
    .where(and(eq(demoTenants.accountId, accountId), eq(accounts.isDemo, true)));
  return row ?? null;
}

export async function listDemoTenants(db: DbOrTx) {
  const list = await db
    .select({ tenant: demoTenants, account: accounts })
    .from(demoTenants)
    .innerJoin(accounts, eq(accounts.id, demoTenants.accountId))
    .orderBy(desc(demoTenants.createdAt));
  const ids = list.map((r) => r.tenant.accountId);
  const owners =
    ids.length === 0
      ? []
      : await db
          .select({ accountId: users.accountId, email: users.email })
          .from(users)
          .where(inArray(users.accountId, ids));
  return list.map((r) => ({ ...r, email: owners.find((o) => o.accountId === r.tenant.accountId)?.email ?? null }));
}

/** Moves a demo tenant's clock; the guard on is_demo means a real account can never get one (R9.3). */
export async function setSimulatedNow(db: DbOrTx, accountId: string, at: Date): Promise<void> {
  const done = await db
    .update(accounts)
    .set({ simulatedNow: at })
    .where(and(eq(accounts.id, accountId), eq(accounts.isDemo, true)))
    .returning({ id: accounts.id });
  if (done.length !== 1) throw new Error(`not a demo account: ${accountId}`);
}

export async function appendTimeline(
  db: DbOrTx,
  accountId: string,
  items: { at: Date; kind: string; summary: string }[],
): Promise<void> {
  if (items.length === 0) return;
  const base = Date.now().toString(36);
  await db
    .insert(demoTimeline)
    .values(items.map((h, i) => ({ accountId, at: h.at, kind: h.kind, summary: h.summary, seq: `${base}-${i}` })));
}

export async function listTimeline(db: DbOrTx, accountId: string, limit: number) {
  return db
    .select()
    .from(demoTimeline)
    .where(eq(demoTimeline.accountId, accountId))
    .orderBy(desc(demoTimeline.at), desc(demoTimeline.seq))
    .limit(limit);
}

export async function tenantUsers(db: DbOrTx, accountId: string) {
  return db.select().from(users).where(eq(users.accountId, accountId)).orderBy(asc(users.id));
}

/**
 * Removes every row of a demo tenant: the account cascade covers the tables keyed to it; the audit log,
 * user preferences and job runs are keyed loosely and are removed explicitly.
 */
export async function deleteTenantRows(db: DbOrTx, accountId: string): Promise<void> {
  const members = await db.select({ id: users.id }).from(users).where(eq(users.accountId, accountId));
  if (members.length > 0) {
    await db.delete(userPreferences).where(
      inArray(
        userPreferences.userId,
        members.map((m) => m.id),
      ),
    );
  }
  await db.delete(auditLog).where(eq(auditLog.accountId, accountId));
  await db.delete(jobRuns).where(like(jobRuns.scope, `${accountId}:%`));
  await db.delete(jobRuns).where(eq(jobRuns.scope, accountId));
  await db.delete(accounts).where(and(eq(accounts.id, accountId), eq(accounts.isDemo, true)));
}

/** A paid SSL certificate order waiting for submission (R8.6), paid from cash, for the rich scenario. */
export async function insertPendingCertificate(
  db: DbOrTx,
  c: { id: string; accountId: string; domain: string; cash: string; at: Date; month: string },
): Promise<void> {
  await db.insert(certificateOrders).values({
    id: c.id,
    accountId: c.accountId,
    domain: c.domain,
    product: 'ssl.dv',
    status: 'pending_submission',
    amount: c.cash,
    paidCash: c.cash,
    paidGift: '0',
    paidVoucher: '0',
    createdAt: c.at,
  });
  await postLedger(db, {
    accountId: c.accountId,
    amounts: { cash: -parseMoney(c.cash) },
    reason: 'purchase',
    refType: 'certificate',
    refId: c.id,
    at: c.at,
  });
  await db.insert(charges).values({
    accountId: c.accountId,
    occurredAt: c.at,
    month: c.month,
    resourceId: null,
    product: 'ssl',
    label: 'ssl.dv',
    billingMode: 'prepaid',
    transactionType: 'purchase',
    unitPrice: c.cash,
    quantity: 1,
    amount: c.cash,
    paidCash: c.cash,
    orderId: c.id,
  });
}

export async function tenantResources(db: DbOrTx, accountId: string) {
  return db.select().from(resources).where(eq(resources.accountId, accountId)).orderBy(asc(resources.id));
}
