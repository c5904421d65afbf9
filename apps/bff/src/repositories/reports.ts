import { type DbOrTx, notifications, packs, rows, settlements, usageEvents } from '@idv/db';
import { sql } from 'drizzle-orm';

/** Daily settlements made at or after `since` and by `now` that have no daily report yet (R3.6, R7). */
export async function unreportedSettlements(db: DbOrTx, accountId: string, since: Date, now: Date) {
  return rows<{ period: string; amount: string; settledAt: Date | string }>(
    db,
    sql`select s.period, s.amount::text as amount, s.settled_at as "settledAt" from ${settlements} s
        where s.account_id = ${accountId} and s.kind = 'daily'
          and s.settled_at >= ${since.toISOString()}::timestamptz and s.settled_at <= ${now.toISOString()}::timestamptz
          and not exists (select 1 from ${notifications} n where n.account_id = s.account_id
                          and n.kind = 'daily_report' and n.cause = 'report:' || s.period)
        order by s.period`,
  );
}

/** Calls of one CST day per label, split by outcome. */
export async function dayCallsByLabel(db: DbOrTx, accountId: string, day: string) {
  const list = await rows<{ label: string; outcome: string; calls: string | number }>(
    db,
    sql`select label, outcome, count(*) as calls from ${usageEvents}
        where account_id = ${accountId} and day = ${day} group by label, outcome order by label, outcome`,
  );
  return list.map((r) => ({ ...r, calls: Number.parseInt(String(r.calls), 10) }));
}

/** Remaining calls of active packs per label. */
export async function remainingByLabel(db: DbOrTx, accountId: string) {
  const list = await rows<{ label: string; remaining: string | number }>(
    db,
    sql`select label, sum(total - used) as remaining from ${packs}
        where account_id = ${accountId} and status = 'active' group by label order by label`,
  );
  return new Map(list.map((r) => [r.label, Number.parseInt(String(r.remaining), 10)]));
}
