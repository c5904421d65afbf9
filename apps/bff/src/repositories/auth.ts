import { accounts, type DbOrTx, impersonations, sessions, users } from '@idv/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { prepared } from './prepared.ts';

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [u] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return u ?? null;
}

export async function insertSession(
  db: DbOrTx,
  s: { id: string; userId: string; now: Date; expiresAt: Date },
): Promise<void> {
  await db.insert(sessions).values({
    id: s.id,
    userId: s.userId,
    createdAt: s.now,
    lastSeenAt: s.now,
    expiresAt: s.expiresAt,
  });
}

export async function deleteSession(db: DbOrTx, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/**
 * The session with its user, any live impersonation and the account the session acts on (the
 * impersonated one, else the user's own), in one prepared statement: one round trip per request.
 * The account row is this request's snapshot of it (balances, status, demo clock); the caller must
 * check that `account.id` is the account it settles on (an impersonation past its expiry falls back
 * to the user's own account, which this row then is not).
 */
export async function loadSession(db: DbOrTx, id: string) {
  const q = prepared(db, 'session', (d) =>
    d
      .select({
        session: sessions,
        user: {
          id: users.id,
          email: users.email,
          name: users.name,
          kind: users.kind,
          roles: users.roles,
          accountId: users.accountId,
        },
        imp: impersonations,
        account: accounts,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(impersonations, and(eq(impersonations.id, sessions.impersonationId), isNull(impersonations.endedAt)))
      .leftJoin(accounts, eq(accounts.id, sql`coalesce(${impersonations.accountId}, ${users.accountId})`))
      .where(eq(sessions.id, sql.placeholder('id')))
      .prepare('session_load'),
  );
  const [row] = await q.execute({ id });
  return row ?? null;
}

export type SessionRow = NonNullable<Awaited<ReturnType<typeof loadSession>>>;

export async function touchSession(db: DbOrTx, id: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
}

/** The channel on which instances tell each other to drop their session snapshots (http/session-snapshots.ts). */
export const SESSION_SNAPSHOT_CHANNEL = 'idv_session_snapshots';

/** NOTIFY: every instance LISTENing (server.ts) drops its session snapshots. */
export async function notifySessionSnapshots(db: DbOrTx): Promise<void> {
  await db.execute(sql`select pg_notify(${SESSION_SNAPSHOT_CHANNEL}, '')`);
}
