import { latestAcquisitionCovering, type PackState } from '@idv/billing';
import { accounts, type DbOrTx, packs, rows, usageEvents } from '@idv/db';
import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { AccountRow } from './accounts.ts';
import { packStateColumns } from './packs.ts';

/**
 * R4.7 Concurrency of ingest, step 1 of 2. Serialises ingest per account (parallel across accounts)
 * with a transaction-scoped advisory lock, then takes the account row FOR SHARE so that refunds,
 * settlement, delivery and anything else that locks the account FOR UPDATE waits for the batch (and
 * the batch waits for them). Lock order everywhere: account row before pack rows (no deadlocks).
 * One statement (issue 15: one round trip): the advisory lock is an uncorrelated subquery, which
 * PostgreSQL evaluates once, as a one-time filter, before it reads and locks the account row.
 */
export async function lockAccountForIngest(tx: DbOrTx, accountId: string): Promise<AccountRow | null> {
  const [a] = await tx
    .select()
    .from(accounts)
    .where(
      and(
        eq(accounts.id, accountId),
        sql`(select pg_advisory_xact_lock(hashtextextended(${`ingest:${accountId}`}, 0))) is not null`,
      ),
    )
    .for('share');
  return a ?? null;
}

/**
 * R4.1 Which ids of the batch this account has already recorded (they are duplicates). Each id of
 * the batch is one probe of the unique (account_id, event_id) index, however many events the account
 * has: the LATERAL subquery with LIMIT 1 forces a nested loop over the batch's ids. (A plain `IN`
 * list, or an EXISTS semi-join, may be planned as a hash join over a scan of all the account's
 * events: on PGlite, whose statistics are rarely analysed, that made each batch cost O(events stored).)
 */
export async function existingEventIds(tx: DbOrTx, accountId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const found = await rows<{ id: string }>(
    tx,
    sql`select i.id from json_array_elements_text(${JSON.stringify(ids)}::json) as i(id)
        cross join lateral (select 1 from ${usageEvents} u where u.account_id = ${accountId} and u.event_id = i.id limit 1) x`,
  );
  return new Set(found.map((r) => r.id));
}

/**
 * R4.2 The packs that may take a call of the batch: active, of its labels, valid within its time span.
 * `from` is the later of the batch's first call and the time it is processed: a pack that expired
 * before the batch arrived is `expired` even if the expiry job has not marked it yet.
 * R4.3 validity starts at 00:00 CST of the delivery day, so a pack delivered later on the day of the
 * batch's last call is a candidate (the bound is billing's latestAcquisitionCovering; the exact check
 * per call is packValidAt, inside deductEvent).
 */
export async function candidatePacks(
  tx: DbOrTx,
  accountId: string,
  labels: readonly string[],
  from: Date,
  to: Date,
): Promise<PackState[]> {
  if (labels.length === 0) return [];
  const list = await tx
    .select(packStateColumns)
    .from(packs)
    .where(
      and(
        eq(packs.accountId, accountId),
        eq(packs.status, 'active'),
        inArray(packs.label, [...labels]),
        lte(packs.acquiredAt, latestAcquisitionCovering(to)),
        gte(packs.expiresAt, from),
      ),
    );
  return list;
}

export interface EventRow {
  accountId: string;
  eventId: string;
  label: string;
  resourceId: string;
  result: string;
  occurredAt: Date;
  day: string;
  outcome: 'pack' | 'postpaid' | 'free' | 'rejected';
  packId: bigint | null;
  code: string | null;
  rule: string | null;
  receivedAt: Date;
}

/**
 * One INSERT for the whole batch: the rows travel as one JSON parameter (json_to_recordset), which
 * keeps the statement small and its plan cheap on both PostgreSQL and PGlite. The unique key
 * (account_id, event_id) is the last line of defence for R4.1.
 */
export async function insertEvents(tx: DbOrTx, list: readonly EventRow[]): Promise<void> {
  if (list.length === 0) return;
  const payload = JSON.stringify(
    list.map((e) => ({
      a: e.accountId,
      e: e.eventId,
      l: e.label,
      r: e.resourceId,
      x: e.result,
      t: e.occurredAt.toISOString(),
      d: e.day,
      o: e.outcome,
      p: e.packId === null ? null : e.packId.toString(),
      c: e.code,
      u: e.rule,
      v: e.receivedAt.toISOString(),
    })),
  );
  await tx.execute(sql`
    insert into ${usageEvents} (account_id, event_id, label, resource_id, result, occurred_at, day, outcome, pack_id, code, rule, received_at)
    select a, e, l, r, x, t, d, o, p, c, u, v
    from json_to_recordset(${payload}::json)
      as j(a text, e text, l text, r text, x text, t timestamptz, d text, o text, p bigint, c text, u text, v timestamptz)`);
}

export interface PackUsageAfter {
  id: bigint;
  used: number;
  total: number;
}

/**
 * R4.7 One guarded UPDATE for all packs the batch used: `used + n <= total` and still active, so the
 * database itself refuses any over-use; the pack turns 'exhausted' when it is full. Returns the rows
 * it updated; the caller throws (and rolls back the batch) if one is missing.
 */
export async function addPackUsage(
  tx: DbOrTx,
  accountId: string,
  deltas: readonly { id: bigint; n: number }[],
): Promise<PackUsageAfter[]> {
  if (deltas.length === 0) return [];
  const payload = JSON.stringify(deltas.map((d) => ({ id: d.id.toString(), n: d.n })));
  const updated = await rows<{ id: string; used: number; total: number }>(
    tx,
    sql`
    update ${packs} p set
      used = p.used + v.n,
      status = case when p.used + v.n >= p.total then 'exhausted' else p.status end
    from json_to_recordset(${payload}::json) as v(id bigint, n int)
    where p.id = v.id and p.account_id = ${accountId} and p.status = 'active' and p.used + v.n <= p.total
    returning p.id::text as id, p.used, p.total`,
  );
  return updated.map((r) => ({ id: BigInt(r.id), used: Number(r.used), total: Number(r.total) }));
}

export interface DailyOutcomeCount {
  day: string;
  label: string;
  outcome: 'pack' | 'postpaid' | 'free' | 'rejected';
  calls: number;
}

/** R3.6 Calls per day and label of an account, by outcome. */
export async function dailyOutcomeCounts(
  db: DbOrTx,
  accountId: string,
  range: { from: string; to: string; label?: string | undefined },
): Promise<DailyOutcomeCount[]> {
  const labelFilter = range.label ? sql`and ${usageEvents.label} = ${range.label}` : sql``;
  const list = await rows<{ day: string; label: string; outcome: DailyOutcomeCount['outcome']; calls: number }>(
    db,
    sql`select day, label, outcome, count(*)::int as calls from ${usageEvents}
        where ${usageEvents.accountId} = ${accountId} and ${usageEvents.day} between ${range.from} and ${range.to}
        ${labelFilter}
        group by day, label, outcome order by day, label`,
  );
  return list.map((r) => ({ ...r, calls: Number(r.calls) }));
}
