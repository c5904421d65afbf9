import { type DbOrTx, outbox, rows } from '@idv/db';
import { sql } from 'drizzle-orm';

/** Messages not sent yet, by channel and status (pending: waiting or retrying; failed: given up). */
export async function outboxBacklog(db: DbOrTx, now: Date) {
  const [counts, oldest] = await Promise.all([
    rows<{ channel: string; status: string; n: number }>(
      db,
      sql`select channel, status, count(*)::int as n from ${outbox}
          where status in ('pending', 'failed') group by channel, status`,
    ),
    rows<{ oldest: string | null }>(
      db,
      sql`select min(next_attempt_at)::text as oldest from ${outbox}
          where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz`,
    ),
  ]);
  const o = oldest[0]?.oldest;
  return { counts, oldestDueAt: o ? new Date(o) : null };
}

/** PostgreSQL only: connections to the current database by state (all instances and tools). */
export async function connectionsByState(db: DbOrTx) {
  return rows<{ state: string; n: number }>(
    db,
    sql`select coalesce(state, 'unknown') as state, count(*)::int as n from pg_stat_activity
        where datname = current_database() group by 1`,
  );
}
