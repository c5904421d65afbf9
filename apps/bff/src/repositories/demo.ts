import { parseMoney } from '@idv/billing';
import {
  accounts,
  auditLog,
  budgets,
  certificateOrders,
  charges,
  type DbOrTx,
  demoTenants,
  demoTimeline,
  jobRuns,
  notifications,
  packs,
  resources,
  rows,
  sessions,
  userPreferences,
  users,
} from '@idv/db';
import { and, asc, count, desc, eq, inArray, like, lt, or, sql } from 'drizzle-orm';
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
  // The index is zero-padded so that seq sorts in insertion order within a batch (paging keyset).
  await db.insert(demoTimeline).values(
    items.map((h, i) => ({
      accountId,
      at: h.at,
      kind: h.kind,
      summary: h.summary,
      seq: `${base}-${String(i).padStart(6, '0')}`,
    })),
  );
}

/** Newest first, keyset-paged on (at, seq): `after` is the last row of the previous page. */
export async function listTimeline(
  db: DbOrTx,
  accountId: string,
  limit: number,
  after: { at: Date; seq: string } | null = null,
) {
  const page = after
    ? or(lt(demoTimeline.at, after.at), and(eq(demoTimeline.at, after.at), lt(demoTimeline.seq, after.seq)))
    : undefined;
  return db
    .select()
    .from(demoTimeline)
    .where(and(eq(demoTimeline.accountId, accountId), page))
    .orderBy(desc(demoTimeline.at), desc(demoTimeline.seq))
    .limit(limit);
}

/** What the scripted tour checks after a step (R9.3): notices by kind, packs bought, budgets set. */
export async function tenantSignals(db: DbOrTx, accountId: string) {
  const [byKind, [bought], [budgetCount]] = await Promise.all([
    db
      .select({ kind: notifications.kind, n: count() })
      .from(notifications)
      .where(eq(notifications.accountId, accountId))
      .groupBy(notifications.kind),
    db
      .select({ n: count() })
      .from(packs)
      .where(and(eq(packs.accountId, accountId), eq(packs.source, 'purchase'))),
    db.select({ n: count() }).from(budgets).where(eq(budgets.accountId, accountId)),
  ]);
  return {
    notices: Object.fromEntries(byKind.map((r) => [r.kind, Number(r.n)])),
    purchasedPacks: Number(bought?.n ?? 0),
    budgets: Number(budgetCount?.n ?? 0),
  };
}

/** The owner of a demo tenant (the customer the PM signs in as, or whose password is reset). */
export async function demoTenantOwner(db: DbOrTx, accountId: string) {
  const [row] = await db
    .select({ user: users })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(and(eq(users.accountId, accountId), eq(accounts.isDemo, true), eq(users.kind, 'customer')))
    .orderBy(sql`case when 'owner' = any(${users.roles}) then 0 else 1 end`, asc(users.id))
    .limit(1);
  return row?.user ?? null;
}

/** R9.3 A new password for a demo tenant's customer; the customer's other sessions end with it. */
export async function setDemoCustomerPassword(db: DbOrTx, userId: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
  await db.delete(sessions).where(eq(sessions.userId, userId));
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

/**
 * R9.3 The account's ingest lock (the same transaction-scoped advisory lock as
 * repositories/usage.ts lockAccountForIngest): a clock step takes it before any row, in the order
 * ingest does, so a step and a usage batch sent to the tenant's key queue instead of deadlocking.
 */
export async function lockDemoIngest(tx: DbOrTx, accountId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`ingest:${accountId}`}, 0))`);
}

export type MoveClaim =
  | { kind: 'missing' }
  | { kind: 'busy'; target: Date | null }
  | { kind: 'claimed'; simulatedNow: Date; orphan: { target: Date; usage: unknown } | null };

/**
 * R9.3 Claims the right to move a tenant's clock for `moveId`, in one short transaction: the tenant's
 * row FOR UPDATE SKIP LOCKED (a row locked by a step in progress is busy, without waiting); a move
 * whose lease (database time) is still live is busy too; a move whose lease ran out was interrupted
 * (its process died): the claimer takes it over, keeping its target and usage plan, to resume it.
 */
export async function claimClockMove(
  db: DbOrTx,
  accountId: string,
  moveId: string,
  leaseMs: number,
): Promise<MoveClaim> {
  return db.transaction(async (tx) => {
    const [row] = await rows<{
      move_id: string | null;
      move_target: string | Date | null;
      move_usage: unknown;
      live: boolean;
      simulated_now: string | Date | null;
    }>(
      tx,
      sql`select d.move_id, d.move_target, d.move_usage, a.simulated_now,
                 coalesce(d.move_lease_until > clock_timestamp(), false) as live
            from ${demoTenants} d join ${accounts} a on a.id = d.account_id and a.is_demo
           where d.account_id = ${accountId}
           for update of d skip locked`,
    );
    if (!row) {
      const exists = await getDemoTenant(tx, accountId);
      return exists?.account.simulatedNow ? { kind: 'busy', target: exists.tenant.moveTarget } : { kind: 'missing' };
    }
    if (!row.simulated_now) return { kind: 'missing' };
    const target = row.move_target === null ? null : new Date(row.move_target);
    if (row.move_id !== null && row.live) return { kind: 'busy', target };
    await tx
      .update(demoTenants)
      .set({
        moveId,
        moveLeaseUntil: sql`clock_timestamp() + ${leaseMs} * interval '1 millisecond'`,
        ...(row.move_id === null ? { moveTarget: null, moveUsage: null, moveStartedAt: null } : {}),
      })
      .where(eq(demoTenants.accountId, accountId));
    return {
      kind: 'claimed',
      simulatedNow: new Date(row.simulated_now),
      orphan: row.move_id !== null && target ? { target, usage: row.move_usage } : null,
    };
  });
}

/** R9.3 Persists the plan of a claimed move (before its first step); false if the claim was lost. */
export async function planClockMove(
  db: DbOrTx,
  accountId: string,
  moveId: string,
  plan: { target: Date; usage: unknown; startedAt: Date },
): Promise<boolean> {
  const done = await db
    .update(demoTenants)
    .set({ moveTarget: plan.target, moveUsage: plan.usage, moveStartedAt: plan.startedAt })
    .where(and(eq(demoTenants.accountId, accountId), eq(demoTenants.moveId, moveId)))
    .returning({ id: demoTenants.accountId });
  return done.length === 1;
}

/**
 * R9.3 Inside a step's transaction: locks the tenant's row (FOR UPDATE) and returns the move, only if
 * `moveId` still holds it (the fencing check: a process that stalled past its lease and was taken
 * over stops here, before writing anything).
 */
export async function lockOwnMove(tx: DbOrTx, accountId: string, moveId: string) {
  const [row] = await tx
    .select({ tenant: demoTenants, account: accounts })
    .from(demoTenants)
    .innerJoin(accounts, eq(accounts.id, demoTenants.accountId))
    .where(and(eq(demoTenants.accountId, accountId), eq(accounts.isDemo, true)))
    .for('update', { of: demoTenants });
  if (!row || row.tenant.moveId !== moveId || !row.account.simulatedNow) return null;
  return { simulatedNow: row.account.simulatedNow, target: row.tenant.moveTarget, usage: row.tenant.moveUsage };
}

/** R9.3 Renews the lease of a move (database time), in the step's transaction. */
export async function renewMoveLease(tx: DbOrTx, accountId: string, moveId: string, leaseMs: number): Promise<void> {
  await tx
    .update(demoTenants)
    .set({ moveLeaseUntil: sql`clock_timestamp() + ${leaseMs} * interval '1 millisecond'` })
    .where(and(eq(demoTenants.accountId, accountId), eq(demoTenants.moveId, moveId)));
}

/** R9.3 The move is over (done, or given up after an error): the tenant is free again. */
export async function releaseClockMove(db: DbOrTx, accountId: string, moveId: string): Promise<void> {
  await db
    .update(demoTenants)
    .set({ moveId: null, moveTarget: null, moveUsage: null, moveStartedAt: null, moveLeaseUntil: null })
    .where(and(eq(demoTenants.accountId, accountId), eq(demoTenants.moveId, moveId)));
}

/** R9.3 Tenants whose move was interrupted (lease run out): the scheduler resumes them. */
export async function interruptedMoves(db: DbOrTx): Promise<string[]> {
  const list = await rows<{ id: string }>(
    db,
    sql`select account_id as id from ${demoTenants}
         where move_id is not null and move_lease_until < clock_timestamp() order by account_id`,
  );
  return list.map((r) => r.id);
}

/** The state of a tenant's move for the console: none, running (lease live) or interrupted. */
export async function moveState(db: DbOrTx, accountId: string) {
  const [row] = await rows<{ target: string | Date | null; started: string | Date | null; live: boolean }>(
    db,
    sql`select move_target as target, move_started_at as started,
               coalesce(move_lease_until > clock_timestamp(), false) as live
          from ${demoTenants} where account_id = ${accountId} and move_id is not null`,
  );
  if (!row) return null;
  return {
    target: row.target === null ? null : new Date(row.target),
    startedAt: row.started === null ? null : new Date(row.started),
    state: row.live ? ('running' as const) : ('interrupted' as const),
  };
}

/**
 * R9.3 The first expiry in (after, before) of a pack of one of `labels` that can still take calls, or
 * null: a move injecting usage stops there, so the calls made before it reach the pack while it is active.
 */
export async function firstInjectedPackExpiry(
  tx: DbOrTx,
  accountId: string,
  labels: readonly string[],
  after: Date,
  before: Date,
): Promise<Date | null> {
  if (labels.length === 0) return null;
  const [row] = await tx
    .select({ at: sql<string | null>`min(${packs.expiresAt})` })
    .from(packs)
    .where(
      and(
        eq(packs.accountId, accountId),
        eq(packs.status, 'active'),
        lt(packs.used, packs.total),
        inArray(packs.label, [...labels]),
        sql`${packs.expiresAt} > ${after.toISOString()}::timestamptz`,
        sql`${packs.expiresAt} < ${before.toISOString()}::timestamptz`,
      ),
    );
  return row?.at ? new Date(row.at) : null;
}
