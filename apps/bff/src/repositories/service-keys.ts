import { type DbOrTx, serviceKeys } from '@idv/db';
import { and, asc, eq, isNull } from 'drizzle-orm';

export type ServiceKeyRow = typeof serviceKeys.$inferSelect;

export async function insertServiceKey(
  db: DbOrTx,
  k: { id: string; accountId: string; name: string; keyHash: string; prefix: string; at: Date },
): Promise<ServiceKeyRow> {
  const [row] = await db
    .insert(serviceKeys)
    .values({ id: k.id, accountId: k.accountId, name: k.name, keyHash: k.keyHash, prefix: k.prefix, createdAt: k.at })
    .returning();
  if (!row) throw new Error('service key insert returned nothing');
  return row;
}

export async function listServiceKeys(db: DbOrTx, accountId: string): Promise<ServiceKeyRow[]> {
  return db
    .select()
    .from(serviceKeys)
    .where(eq(serviceKeys.accountId, accountId))
    .orderBy(asc(serviceKeys.createdAt), asc(serviceKeys.id));
}

/** Revokes a key of this account; returns null if the account has no such key (404, never 403). */
export async function revokeServiceKey(
  db: DbOrTx,
  accountId: string,
  id: string,
  at: Date,
): Promise<ServiceKeyRow | null> {
  const [row] = await db
    .select()
    .from(serviceKeys)
    .where(and(eq(serviceKeys.accountId, accountId), eq(serviceKeys.id, id)));
  if (!row) return null;
  if (row.revokedAt) return row;
  const [updated] = await db
    .update(serviceKeys)
    .set({ revokedAt: at })
    .where(and(eq(serviceKeys.id, id), isNull(serviceKeys.revokedAt)))
    .returning();
  return updated ?? row;
}

/** The account a live (not revoked) key belongs to, by the key's sha-256. */
export async function accountOfKeyHash(db: DbOrTx, keyHash: string): Promise<string | null> {
  const [row] = await db
    .select({ accountId: serviceKeys.accountId })
    .from(serviceKeys)
    .where(and(eq(serviceKeys.keyHash, keyHash), isNull(serviceKeys.revokedAt)));
  return row?.accountId ?? null;
}
