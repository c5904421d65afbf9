import { type DbOrTx, users } from '@idv/db';
import { and, asc, eq } from 'drizzle-orm';

export async function listMembers(db: DbOrTx, accountId: string) {
  return db.select().from(users).where(eq(users.accountId, accountId)).orderBy(asc(users.createdAt), asc(users.id));
}

export async function getMember(db: DbOrTx, accountId: string, id: string) {
  const [u] = await db
    .select()
    .from(users)
    .where(and(eq(users.accountId, accountId), eq(users.id, id)));
  return u ?? null;
}

/** Locks the account's members so that "keep at least one owner" holds under concurrency. */
export async function lockMembers(db: DbOrTx, accountId: string) {
  return db.select().from(users).where(eq(users.accountId, accountId)).for('update');
}

export async function setMemberRole(db: DbOrTx, id: string, role: string) {
  await db
    .update(users)
    .set({ roles: [role] })
    .where(eq(users.id, id));
}

export async function deleteMember(db: DbOrTx, id: string) {
  await db.delete(users).where(eq(users.id, id));
}
