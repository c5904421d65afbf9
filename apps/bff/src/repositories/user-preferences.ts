import { type DbOrTx, userPreferences } from '@idv/db';
import { and, eq } from 'drizzle-orm';

/** A signed-in user's own settings, one text value per key (today: the bill's visible columns). */

export async function getUserPreference(db: DbOrTx, userId: string, key: string): Promise<string | null> {
  const [r] = await db
    .select({ value: userPreferences.value })
    .from(userPreferences)
    .where(and(eq(userPreferences.userId, userId), eq(userPreferences.key, key)));
  return r?.value ?? null;
}

export async function setUserPreference(db: DbOrTx, userId: string, key: string, value: string): Promise<void> {
  await db
    .insert(userPreferences)
    .values({ userId, key, value })
    .onConflictDoUpdate({ target: [userPreferences.userId, userPreferences.key], set: { value } });
}
