import { accounts, auditLog, type DbOrTx, impersonations, sessions, users } from '@idv/db';
import { and, desc, eq, ilike, isNull, lt, or, sql } from 'drizzle-orm';

export async function searchAccounts(db: DbOrTx, q: string | undefined, limit: number, afterId?: string) {
  const like = q ? `%${q.replace(/[%_\\]/g, (m) => `\\${m}`)}%` : null;
  const match = like
    ? or(
        ilike(accounts.id, like),
        ilike(accounts.name, like),
        sql`exists (select 1 from ${users} u where u.account_id = ${accounts.id} and u.email ilike ${like})`,
      )
    : undefined;
  const list = await db
    .select()
    .from(accounts)
    .where(and(match, afterId ? sql`${accounts.id} > ${afterId}` : undefined))
    .orderBy(accounts.id)
    .limit(limit);
  const ids = list.map((a) => a.id);
  const members =
    ids.length === 0
      ? []
      : await db
          .select({ accountId: users.accountId, email: users.email, roles: users.roles })
          .from(users)
          .where(sql`${users.accountId} in ${ids}`);
  return list.map((a) => ({ account: a, users: members.filter((m) => m.accountId === a.id) }));
}

export async function startImpersonation(
  db: DbOrTx,
  i: {
    id: string;
    agentId: string;
    accountId: string;
    sessionId: string;
    reason: string;
    ticket: string | null;
    write: boolean;
    at: Date;
    expiresAt: Date;
  },
) {
  // One live impersonation per session: end any earlier one first.
  await db
    .update(impersonations)
    .set({ endedAt: i.at })
    .where(and(eq(impersonations.sessionId, i.sessionId), isNull(impersonations.endedAt)));
  await db.insert(impersonations).values({
    id: i.id,
    agentId: i.agentId,
    accountId: i.accountId,
    sessionId: i.sessionId,
    reason: i.reason,
    ticket: i.ticket,
    write: i.write,
    startedAt: i.at,
    expiresAt: i.expiresAt,
  });
  await db.update(sessions).set({ impersonationId: i.id }).where(eq(sessions.id, i.sessionId));
}

export async function endImpersonation(db: DbOrTx, sessionId: string, at: Date): Promise<string | null> {
  const [s] = await db.select().from(sessions).where(eq(sessions.id, sessionId));
  if (!s?.impersonationId) return null;
  await db
    .update(impersonations)
    .set({ endedAt: at })
    .where(and(eq(impersonations.id, s.impersonationId), isNull(impersonations.endedAt)));
  await db.update(sessions).set({ impersonationId: null }).where(eq(sessions.id, sessionId));
  return s.impersonationId;
}

export async function listAudit(db: DbOrTx, accountId: string, limit: number, beforeId?: bigint) {
  return db
    .select({ entry: auditLog, actorName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.accountId, accountId), beforeId ? lt(auditLog.id, beforeId) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
