import { addDays, cstDate, type DailyCalls, HISTORY_DAYS, type PackState } from '@idv/billing';
import { type DbOrTx, packs, rows, usageEvents } from '@idv/db';
import { and, eq, sql } from 'drizzle-orm';
import { packStateColumns } from './packs.ts';

/**
 * Billable calls of a label per CST day in [from, to]: the events that went to a pack or to postpaid
 * (R1.4 free calls and refused calls are not demand on packs). Days without calls are absent.
 */
async function labelDailyBillable(
  db: DbOrTx,
  accountId: string,
  label: string,
  from: string,
  to: string,
): Promise<{ calls: Map<string, number>; postpaid: Map<string, number> }> {
  const list = await rows<{ day: string; calls: string | number; postpaid: string | number }>(
    db,
    sql`select ${usageEvents.day} as day, count(*) as calls,
          count(*) filter (where ${usageEvents.outcome} = 'postpaid') as postpaid from ${usageEvents}
        where ${usageEvents.accountId} = ${accountId} and ${usageEvents.label} = ${label}
          and ${usageEvents.day} between ${from} and ${to} and ${usageEvents.outcome} in ('pack', 'postpaid')
        group by ${usageEvents.day}`,
  );
  return {
    calls: new Map(list.map((r) => [r.day, Number.parseInt(String(r.calls), 10)])),
    postpaid: new Map(list.map((r) => [r.day, Number.parseInt(String(r.postpaid), 10)])),
  };
}

/** Calls a pack took per CST day from `from` on (to rebuild its remaining over the last days). */
export async function packDailyTaken(db: DbOrTx, packId: bigint, from: string): Promise<Map<string, number>> {
  const list = await rows<{ day: string; calls: string | number }>(
    db,
    sql`select ${usageEvents.day} as day, count(*) as calls from ${usageEvents}
        where ${usageEvents.packId} = ${packId} and ${usageEvents.day} >= ${from}
        group by ${usageEvents.day}`,
  );
  return new Map(list.map((r) => [r.day, Number.parseInt(String(r.calls), 10)]));
}

/** R4.2 The label's active packs of the account, as the deduction engine sees them. */
async function labelActivePacks(db: DbOrTx, accountId: string, label: string): Promise<PackState[]> {
  return db
    .select(packStateColumns)
    .from(packs)
    .where(and(eq(packs.accountId, accountId), eq(packs.label, label), eq(packs.status, 'active')));
}

/** What a label forecast is made from (`forecastLabel`'s inputs that come out of the database). */
export interface LabelUsageHistory {
  /** The account's CST date of `now`. */
  today: string;
  /** First day of the history (inclusive): 30 days back, not before the account was activated. */
  first: string;
  /** Billable calls per complete day from `first` to yesterday, contiguous (days without calls are 0). */
  history: DailyCalls[];
  /** Billable calls already made today. */
  todaySoFar: number;
  /** Of those, the ones that went to postpaid (R4.3: a pack delivered today would take them). */
  todayPostpaid: number;
  /** Billable calls per day from `first` through today (days without calls absent). */
  counts: Map<string, number>;
  /** The label's active packs of the account (R4.2 as the deduction engine sees them). */
  packs: PackState[];
}

/**
 * The label's last 30 complete days of billable calls before the account's today and its active packs,
 * for the burn-down forecast and the planner's "from history" source. `now` is the account's clock
 * (`accountNow`: demo tenants run on a simulated one). History never reaches before activation, so a
 * new account is not projected from false zeros.
 */
export async function labelUsageHistory(
  db: DbOrTx,
  account: { id: string; activatedAt: Date },
  label: string,
  now: Date,
): Promise<LabelUsageHistory> {
  const today = cstDate(now);
  const activated = cstDate(account.activatedAt);
  // 'YYYY-MM-DD' dates order as strings: the later of 30 days back and activation.
  const first = [addDays(today, -HISTORY_DAYS), activated].sort().at(-1) ?? today;
  const { calls: counts, postpaid } = await labelDailyBillable(db, account.id, label, first, today);
  const history: DailyCalls[] = [];
  for (let d = first; d < today; d = addDays(d, 1)) history.push({ date: d, calls: counts.get(d) ?? 0 });
  const active = await labelActivePacks(db, account.id, label);
  return {
    today,
    first,
    history,
    todaySoFar: counts.get(today) ?? 0,
    todayPostpaid: postpaid.get(today) ?? 0,
    counts,
    packs: active,
  };
}
