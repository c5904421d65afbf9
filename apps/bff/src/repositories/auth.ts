import { type DbOrTx, impersonations, sessions, users } from '@idv/db';
import { and, eq, isNull, sql } from 'drizzle-orm';

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

/** The session with its user and any live impersonation, in one query. */
export async function loadSession(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ session: sessions, user: users, imp: impersonations })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(impersonations, and(eq(impersonations.id, sessions.impersonationId), isNull(impersonations.endedAt)))
    .where(eq(sessions.id, id));
  return row ?? null;
}

export async function touchSession(db: DbOrTx, id: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
}
