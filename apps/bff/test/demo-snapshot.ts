import { type DbOrTx, rows } from '@idv/db';
import { sql } from 'drizzle-orm';

/**
 * Every row a demo tenant's clock produced, with the tenant's own ids (account, resources, packs,
 * settlements, notifications) replaced by what they mean, so that two tenants driven the same way
 * compare equal (R9.3: an interrupted move ends exactly like an uninterrupted one).
 */
export async function tenantSnapshot(db: DbOrTx, accountId: string) {
  const resourceIds = (
    await rows<{ id: string }>(db, sql`select id from resources where account_id = ${accountId} order by id`)
  ).map((r) => r.id);
  const norm = (s: string | null) => {
    let out = s ?? '-';
    resourceIds.forEach((id, i) => {
      out = out.split(id).join(`res#${i}`);
    });
    return out;
  };
  const q = async (query: ReturnType<typeof sql>) =>
    (await rows<{ k: string }>(db, query)).map((r) => norm(r.k)).sort();
  const [account] = await rows<Record<string, unknown>>(
    db,
    sql`select settlement, status, cash::text, income::text, gift::text, settled_through, simulated_now,
               arrears_since, suspended_at from accounts where id = ${accountId}`,
  );
  // Packs by their rank in the tenant (ids differ between tenants).
  const p = sql`(select id, 'pack#' || row_number() over (order by id) as n from packs where account_id = ${accountId})`;
  const events = await q(
    sql`select e.event_id || ' ' || e.label || ' ' || e.resource_id || ' ' || e.result || ' ' || e.occurred_at::text
               || ' ' || e.outcome || ' ' || coalesce(e.code, '-') || ' ' || coalesce(p.n, '-') as k
          from usage_events e left join ${p} p on p.id = e.pack_id where e.account_id = ${accountId}`,
  );
  return {
    account,
    events,
    packs: await q(
      sql`select p.n || ' ' || label || ' ' || source || ' ' || total || ' ' || used || ' ' || status || ' ' ||
                 acquired_at::text || ' ' || expires_at::text as k
            from packs join ${p} p using (id) where account_id = ${accountId}`,
    ),
    settlements: await q(
      sql`select kind || ' ' || period || ' ' || amount::text || ' ' || calls || ' ' || settled_at::text as k
            from settlements where account_id = ${accountId}`,
    ),
    charges: await q(
      sql`select occurred_at::text || ' ' || month || ' ' || transaction_type || ' ' || label || ' ' ||
                 coalesce(resource_id, '-') || ' ' || unit_price::text || ' ' || quantity || ' ' || amount::text || ' ' ||
                 paid_cash::text || '/' || paid_income::text || '/' || paid_gift::text || ' ' || coalesce(p.n, '-') as k
            from charges c left join ${p} p on p.id = c.pack_id where c.account_id = ${accountId}`,
    ),
    ledger: await q(
      sql`select created_at::text || ' ' || balance || ' ' || reason || ' ' || amount::text as k
            from ledger_entries where account_id = ${accountId}`,
    ),
    notifications: await q(
      sql`select x.created_at::text || ' ' || x.kind || ' ' || coalesce('pack:' || p.n, x.cause) as k
            from notifications x left join ${p} p on x.cause = 'pack:' || p.id::text where x.account_id = ${accountId}`,
    ),
    timeline: await q(
      sql`select at::text || ' ' || kind as k from demo_timeline
           where account_id = ${accountId} and kind not in ('clock_move_resumed', 'tenant_created')`,
    ),
  };
}
