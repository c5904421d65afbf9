import { charges, type DbOrTx, packs, rows, settlements, usageEvents } from '@idv/db';
import { and, eq, type SQL, sql } from 'drizzle-orm';

/**
 * The deduction explainer reads what ingest recorded (usage_events: outcome, pack_id, code, rule),
 * grouped; it never recomputes a deduction.
 */
export interface ExplainRow {
  label: string;
  outcome: 'pack' | 'postpaid' | 'free' | 'rejected';
  packId: bigint | null;
  packSource: 'gift' | 'purchase' | null;
  packExpiresAt: Date | null;
  code: string | null;
  rule: string | null;
  calls: number;
  firstAt: Date;
  lastAt: Date;
}

export interface EventFilter {
  packIds?: readonly bigint[];
  label?: string;
  resourceId?: string | null;
  outcome?: 'pack' | 'postpaid';
  from?: string;
  to?: string;
}

export async function groupedEvents(db: DbOrTx, accountId: string, f: EventFilter): Promise<ExplainRow[]> {
  const where: SQL[] = [sql`e.account_id = ${accountId}`];
  if (f.packIds) {
    if (f.packIds.length === 0) return [];
    where.push(
      sql`e.pack_id in (${sql.join(
        f.packIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
  }
  if (f.label !== undefined) where.push(sql`e.label = ${f.label}`);
  if (f.resourceId !== undefined && f.resourceId !== null) where.push(sql`e.resource_id = ${f.resourceId}`);
  if (f.outcome !== undefined) where.push(sql`e.outcome = ${f.outcome}`);
  if (f.from !== undefined) where.push(sql`e.day >= ${f.from}`);
  if (f.to !== undefined) where.push(sql`e.day <= ${f.to}`);
  const list = await rows<{
    label: string;
    outcome: ExplainRow['outcome'];
    pack_id: string | null;
    source: ExplainRow['packSource'];
    expires_at: string | Date | null;
    code: string | null;
    rule: string | null;
    calls: string | number;
    first_at: string | Date;
    last_at: string | Date;
  }>(
    db,
    sql`select e.label, e.outcome, e.pack_id::text as pack_id, p.source, p.expires_at, e.code, e.rule,
               count(*) as calls, min(e.occurred_at) as first_at, max(e.occurred_at) as last_at
        from ${usageEvents} e left join ${packs} p on p.id = e.pack_id
        where ${sql.join(where, sql` and `)}
        group by e.label, e.outcome, e.pack_id, p.source, p.expires_at, e.code, e.rule
        order by e.label, e.outcome, e.pack_id nulls last, e.rule`,
  );
  const date = (v: string | Date) => (v instanceof Date ? v : new Date(v));
  return list.map((r) => ({
    label: r.label,
    outcome: r.outcome,
    packId: r.pack_id === null ? null : BigInt(r.pack_id),
    packSource: r.source ?? null,
    packExpiresAt: r.expires_at === null ? null : date(r.expires_at),
    code: r.code,
    rule: r.rule,
    calls: Number.parseInt(String(r.calls), 10),
    firstAt: date(r.first_at),
    lastAt: date(r.last_at),
  }));
}

/** A pack of the account (null: none, or another account's). */
export async function ownPack(db: DbOrTx, accountId: string, id: bigint) {
  const [p] = await db
    .select({ id: packs.id, label: packs.label, orderId: packs.orderId })
    .from(packs)
    .where(and(eq(packs.accountId, accountId), eq(packs.id, id)));
  return p ?? null;
}

/** A bill line of the account with its settlement period, if it came from a settlement. */
export async function ownCharge(db: DbOrTx, accountId: string, id: bigint) {
  const [c] = await db
    .select({
      charge: charges,
      settlementKind: settlements.kind,
      settlementPeriod: settlements.period,
    })
    .from(charges)
    .leftJoin(settlements, eq(settlements.id, charges.settlementId))
    .where(and(eq(charges.accountId, accountId), eq(charges.id, id)));
  return c ?? null;
}

/** The packs an order delivered (a purchase or refund line explains through them). */
export async function orderPackIds(db: DbOrTx, accountId: string, orderId: string): Promise<bigint[]> {
  const list = await db
    .select({ id: packs.id })
    .from(packs)
    .where(and(eq(packs.accountId, accountId), eq(packs.orderId, orderId)));
  return list.map((p) => p.id);
}
