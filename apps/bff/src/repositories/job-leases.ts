import { addDays, cstMonth, lastDueSettlementDay } from '@idv/billing';
import {
  accounts,
  type DbOrTx,
  jobLeases,
  jobRuns,
  notificationSettings,
  notifications,
  outbox,
  packs,
  rows,
  settlements,
} from '@idv/db';
import { and, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';

const WEEK_MS = 7 * 86_400_000;

/**
 * Real (non-demo) accounts for which at least one registered job has something to do at `now`: the
 * scheduler's pre-filter, so that a tick over 100,000 idle accounts is this one query instead of
 * 100,000 × (every job's reads). Each branch mirrors one job's own "what is due" test; a false
 * positive only costs that account a run of its jobs (which then do nothing), a false negative would
 * delay work, so every branch errs on the side of "due". The jobs covered are listed in
 * DUE_QUERY_COVERS; the scheduler falls back to every account when a job outside that list is
 * registered.
 *
 * - free-trial (R3.4): a grant whose due time (activation / eID approval + delay) has passed and
 *   whose `job_runs` row does not exist yet;
 * - daily-settlement (R5.1/R5.3): the next day to settle (settled_through + 1, or the activation
 *   day) is due, i.e. that day ≤ cstDate(now − 32 h) (a day D is due at D+1 08:00 CST);
 * - monthly-settlement (R5.2): the next month is due, i.e. settled_through is before the last day of
 *   the last month whose 1st-of-next-month 08:00 CST has passed;
 * - arrears-lifecycle (R6.2–R6.4): in arrears for 24 h (or the balance is back to ≥ 0: the safety-net
 *   resume), or suspended for the release period;
 * - pack-expiry (R7): a live pack already expired, or within 7 days of expiry with calls left and no
 *   `pack_expiring` notice yet;
 * - daily-report (R3.6): a subscriber's daily settlement since the subscription with no report yet;
 * - deliver-outbox (R7): a pending email/SMS whose next attempt is due;
 * - budget-alerts (R10.1) and usage-anomaly (R10.3): their work arises from a settlement, so they are
 *   due exactly when daily-/monthly-settlement is and run after it in the same pass (registry order);
 *   purchases and refunds evaluate budgets themselves. A pass that failed between the settlement and
 *   them is caught up at the account's next due moment (usage-anomaly keeps its own checked_through).
 *
 * `among` restricts the answer to those accounts (the scheduler's re-check after claiming leases).
 */
const sqlList = (keys: readonly string[]): SQL =>
  sql.join(
    keys.map((k) => sql`${k}`),
    sql`, `,
  );

export const DUE_QUERY_COVERS = [
  'free-trial',
  'daily-settlement',
  'monthly-settlement',
  'arrears-lifecycle',
  'pack-expiry',
  'daily-report',
  'deliver-outbox',
  'budget-alerts',
  'usage-anomaly',
] as const;

export async function dueAccountIds(
  db: DbOrTx,
  now: Date,
  cfg: { trialGrantDelayMs: number; releaseAfterDays: number },
  among?: readonly string[],
): Promise<string[]> {
  if (among && among.length === 0) return [];
  const iso = (d: Date) => d.toISOString();
  const lastDueDay = lastDueSettlementDay(now);
  const dailyActivatedBefore = new Date(`${addDays(lastDueDay, 1)}T00:00:00+08:00`);
  // cur = the CST month of (now − 8 h): its 1st 08:00 has passed, so the month before it is due.
  const cur = cstMonth(new Date(now.getTime() - 8 * 3_600_000));
  const lastDueMonthEnd = addDays(`${cur}-01`, -1);
  const monthlyActivatedBefore = new Date(`${cur}-01T00:00:00+08:00`);
  const trialCutoff = new Date(now.getTime() - cfg.trialGrantDelayMs);
  const suspendCutoff = new Date(now.getTime() - 24 * 3_600_000);
  const releaseCutoff = new Date(now.getTime() - cfg.releaseAfterDays * 86_400_000);
  const soon = new Date(now.getTime() + WEEK_MS);
  const list = await rows<{ id: string }>(
    db,
    sql`select d.id from (select a.id from ${accounts} a
         where not a.is_demo and (
           (a.settlement = 'daily' and (a.settled_through < ${lastDueDay}
              or (a.settled_through is null and a.activated_at < ${iso(dailyActivatedBefore)}::timestamptz)))
           or (a.settlement = 'monthly' and (a.settled_through < ${lastDueMonthEnd}
              or (a.settled_through is null and a.activated_at < ${iso(monthlyActivatedBefore)}::timestamptz)))
           or (a.status = 'arrears' and (a.cash + a.income + a.gift >= 0
                 or a.arrears_since <= ${iso(suspendCutoff)}::timestamptz))
           or (a.status = 'suspended' and a.suspended_at <= ${iso(releaseCutoff)}::timestamptz))
        union
        -- The trial grants as anti-joins of their own (one hash anti-join each, not a sub-plan per row).
        select a.id from ${accounts} a
         where not a.is_demo and a.activated_at <= ${iso(trialCutoff)}::timestamptz and not exists (
               select 1 from ${jobRuns} j where j.job = 'free-trial' and j.scope = a.id || ':activation')
        union
        select a.id from ${accounts} a
         where not a.is_demo and a.eid_approved_at <= ${iso(trialCutoff)}::timestamptz and not exists (
               select 1 from ${jobRuns} j where j.job = 'free-trial' and j.scope = a.id || ':eid')
        union
        select p.account_id from ${packs} p join ${accounts} a on a.id = p.account_id and not a.is_demo
         where p.status in ('active', 'exhausted') and p.expires_at <= ${iso(soon)}::timestamptz
           and (p.expires_at < ${iso(now)}::timestamptz
                or (p.total > p.used and not exists (
                      select 1 from ${notifications} n where n.account_id = p.account_id
                         and n.kind = 'pack_expiring' and n.cause = 'pack:' || p.id)))
        union
        select n.account_id from ${outbox} o join ${notifications} n on n.id = o.notification_id
          join ${accounts} a on a.id = n.account_id and not a.is_demo
         where o.status = 'pending' and o.next_attempt_at <= ${iso(now)}::timestamptz
        union
        select s.account_id from ${notificationSettings} ns
          join ${accounts} a on a.id = ns.account_id and not a.is_demo
          join ${settlements} s on s.account_id = ns.account_id and s.kind = 'daily'
               and s.settled_at >= ns.daily_report_since and s.settled_at <= ${iso(now)}::timestamptz
         where ns.daily_report and not exists (
                 select 1 from ${notifications} n where n.account_id = s.account_id
                    and n.kind = 'daily_report' and n.cause = 'report:' || s.period)) d
        ${among ? sql`where d.id in (${sqlList(among)})` : sql``}
        order by 1`,
  );
  return list.map((r) => r.id);
}

/** Every real (non-demo) account, in id order: the fallback when the due query does not cover a job. */
export async function allRealAccountIds(db: DbOrTx): Promise<string[]> {
  const list = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.isDemo, false))
    .orderBy(accounts.id);
  return list.map((r) => r.id);
}

/**
 * Claims the leases of `keys` for `holder` until the database's now() + ttlMs (the database clock,
 * so instances with skewed or injected clocks agree). A key is taken when it is free, its lease has
 * run out, or `holder` already holds it (a renewal). One statement for the whole list; the keys are
 * sorted so that two claimers lock rows in the same order. Returns the keys now held by `holder`.
 */
export async function claimLeases(
  db: DbOrTx,
  keys: readonly string[],
  holder: string,
  ttlMs: number,
): Promise<string[]> {
  if (keys.length === 0) return [];
  const sorted = [...new Set(keys)].sort();
  const got = await rows<{ key: string }>(
    db,
    sql`insert into ${jobLeases} (key, holder, leased_until)
        select k, ${holder}, now() + ${ttlMs} * interval '1 millisecond'
          from unnest(array[${sqlList(sorted)}]::text[]) as k
        on conflict (key) do update set holder = excluded.holder, leased_until = excluded.leased_until
         where ${jobLeases.leasedUntil} < now() or ${jobLeases.holder} = excluded.holder
        returning key`,
  );
  return got.map((r) => r.key);
}

/**
 * Gives the leases back (only those `holder` still holds), so the table holds work in progress only;
 * also clears leases a crashed instance left on accounts that are no longer due (long run out).
 */
export async function releaseLeases(db: DbOrTx, keys: readonly string[], holder: string): Promise<void> {
  if (keys.length === 0) return;
  await db
    .delete(jobLeases)
    .where(
      or(
        and(eq(jobLeases.holder, holder), inArray(jobLeases.key, [...keys])),
        lt(jobLeases.leasedUntil, sql`now() - interval '10 minutes'`),
      ),
    );
}
