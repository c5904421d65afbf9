import type { TimelineKind } from '@idv/contracts';
import { type DbOrTx, rows } from '@idv/db';
import { type SQL, sql } from 'drizzle-orm';

export interface TimelineRow {
  kind: TimelineKind;
  at: string;
  id: string;
  /** What happened, in a word or two (an order's label, a notice's kind, an audit action...). */
  what: string;
  amount: string | null;
  detail: Record<string, unknown> | null;
}

/**
 * One newest-first timeline of an account from the tables that already record each thing: orders,
 * refunds, settlements, notifications (arrears, suspension, release, pack and budget notices...),
 * sessions (sign-ins of the account's users), and the audit log (staff access and staff actions as
 * `staff`, the account's own money and settings actions as `action`). A resumption (R6.3) is its own
 * event: every one, by a recharge or when money came back otherwise, sends exactly one service_resumed
 * notice per arrears episode (cause `resumed:<arrears since>`), which records when and which episode
 * ended. Keyset on (at, kind, id).
 */
export async function listTimeline(
  db: DbOrTx,
  accountId: string,
  kinds: readonly TimelineKind[],
  after: { at: string; kind: string; id: string } | undefined,
  limit: number,
): Promise<TimelineRow[]> {
  const parts: SQL[] = [];
  const want = new Set(kinds);
  if (want.has('order'))
    parts.push(sql`select 'order' as kind, created_at as at, id, label as what, amount::text as amount,
      jsonb_build_object('size', size, 'quantity', quantity, 'trigger', trigger) as detail
      from orders where account_id = ${accountId}`);
  if (want.has('refund'))
    parts.push(sql`select 'refund', created_at, id, pack_id::text, amount::text,
      jsonb_build_object('orderId', order_id, 'cash', returned_cash::text, 'income', returned_income::text, 'gift', returned_gift::text)
      from refunds where account_id = ${accountId}`);
  if (want.has('settlement'))
    parts.push(sql`select 'settlement', settled_at, id, period, amount::text,
      jsonb_build_object('kind', kind, 'calls', calls)
      from settlements where account_id = ${accountId}`);
  if (want.has('notice'))
    parts.push(sql`select 'notice', created_at, id::text, kind, null,
      jsonb_build_object('titleZh', title_zh, 'titleEn', title_en, 'channels', channels)
      from notifications where account_id = ${accountId}`);
  if (want.has('resumption'))
    parts.push(sql`select 'resumption', created_at, id::text, 'service_resumed', null,
      jsonb_build_object('arrearsSince', nullif(substr(cause, 9), ''))
      from notifications where account_id = ${accountId} and kind = 'service_resumed'`);
  if (want.has('signin'))
    parts.push(sql`select 'signin', s.created_at, u.id || ':' || to_char(s.created_at at time zone 'UTC', 'YYYYMMDDHH24MISSUS'),
      u.email, null, jsonb_build_object('name', u.name)
      from sessions s join users u on u.id = s.user_id
      where u.account_id = ${accountId} and s.impersonation_id is null`);
  if (want.has('staff') || want.has('action'))
    parts.push(sql`select case when actor_kind = 'staff' then 'staff' else 'action' end, at, id::text, action, null,
      jsonb_build_object('actor', actor_id, 'outcome', outcome, 'reason', reason, 'detail', detail)
      from audit_log where account_id = ${accountId}
        and actor_kind in (${sql.join(
          [...(want.has('staff') ? ['staff'] : []), ...(want.has('action') ? ['customer', 'system'] : [])].map(
            (k) => sql`${k}`,
          ),
          sql`, `,
        )})`);
  if (parts.length === 0) return [];
  const cursor = after
    ? sql`where (t.at, t.kind, t.id) < (${after.at}::timestamptz, ${after.kind}, ${after.id})`
    : sql``;
  return rows<TimelineRow>(
    db,
    sql`select t.kind, to_char(t.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, t.id, t.what, t.amount, t.detail
          from (${sql.join(parts, sql` union all `)}) as t(kind, at, id, what, amount, detail)
          ${cursor}
         order by t.at desc, t.kind desc, t.id desc
         limit ${limit}`,
  );
}
