import { type DbOrTx, signInThrottle } from '@idv/db';
import { and, gt, inArray, lte, sql } from 'drizzle-orm';

/**
 * Failed sign-in counters in PostgreSQL (docs/decisions/0013): every BFF instance reads and writes
 * the same rows, and each write is one atomic upsert, so concurrent failures on several instances
 * all count.
 */

/** The latest `blocked_until` among `keys` that is still in the future, or null. */
export async function blockedUntil(db: DbOrTx, keys: string[], now: Date): Promise<Date | null> {
  const found = await db
    .select({ until: signInThrottle.blockedUntil })
    .from(signInThrottle)
    .where(
      and(inArray(signInThrottle.key, keys), gt(signInThrottle.blockedUntil, now), gt(signInThrottle.expiresAt, now)),
    );
  let latest: Date | null = null;
  for (const r of found) if (r.until && (!latest || r.until > latest)) latest = r.until;
  return latest;
}

/**
 * One more failure for `key`: an expired row starts again at 1. `forgetMs` is how long the row lives
 * after its first failure (`fixedWindow`) or after its latest one. Returns the new count and expiry.
 */
export async function countFailure(
  db: DbOrTx,
  key: string,
  now: Date,
  opts: { forgetMs: number; fixedWindow: boolean },
): Promise<{ failures: number; expiresAt: Date }> {
  const nowIso = now.toISOString();
  const forget = new Date(now.getTime() + opts.forgetMs).toISOString();
  const expired = sql`${signInThrottle.expiresAt} <= ${nowIso}::timestamptz`;
  const [row] = await db
    .insert(signInThrottle)
    .values({ key, failures: 1, lastFailureAt: now, blockedUntil: null, expiresAt: new Date(forget) })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        failures: sql`case when ${expired} then 1 else ${signInThrottle.failures} + 1 end`,
        lastFailureAt: now,
        blockedUntil: sql`case when ${expired} then null else ${signInThrottle.blockedUntil} end`,
        expiresAt: opts.fixedWindow
          ? sql`case when ${expired} then ${forget}::timestamptz else ${signInThrottle.expiresAt} end`
          : sql`${forget}::timestamptz`,
      },
    })
    .returning({ failures: signInThrottle.failures, expiresAt: signInThrottle.expiresAt });
  if (!row) throw new Error('sign-in throttle upsert returned nothing');
  return row;
}

/** Refuses `key` until `until`; never shortens a longer block set by a concurrent failure. */
export async function blockKey(db: DbOrTx, key: string, until: Date): Promise<void> {
  await db
    .update(signInThrottle)
    .set({
      blockedUntil: sql`greatest(coalesce(${signInThrottle.blockedUntil}, ${until.toISOString()}::timestamptz), ${until.toISOString()}::timestamptz)`,
      expiresAt: sql`greatest(${signInThrottle.expiresAt}, ${until.toISOString()}::timestamptz)`,
    })
    .where(sql`${signInThrottle.key} = ${key}`);
}

export async function clearKey(db: DbOrTx, key: string): Promise<void> {
  await db.delete(signInThrottle).where(sql`${signInThrottle.key} = ${key}`);
}

/** Forgets rows past their expiry (at most `limit` per call, so a sign-in never pays for a backlog). */
export async function purgeExpired(db: DbOrTx, now: Date, limit = 500): Promise<number> {
  const gone = await db
    .delete(signInThrottle)
    .where(
      inArray(
        signInThrottle.key,
        db
          .select({ key: signInThrottle.key })
          .from(signInThrottle)
          .where(lte(signInThrottle.expiresAt, now))
          .limit(limit),
      ),
    )
    .returning({ key: signInThrottle.key });
  return gone.length;
}
