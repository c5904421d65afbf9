import { type DbOrTx, notificationSettings, notifications, outbox, pipelined, rows, startQuery, users } from '@idv/db';
import { and, desc, eq, isNull, lt, ne, sql } from 'drizzle-orm';
import { NOTIFICATION_KINDS, type NotificationKind, render } from '../notifications/templates.ts';

export type ChannelPrefs = Record<string, { email: boolean; sms: boolean }>;

/** Defaults before a customer chooses (R7): money and service notices by email, service stops by SMS too. */
export function defaultPrefs(): ChannelPrefs {
  const prefs: ChannelPrefs = {};
  for (const k of NOTIFICATION_KINDS) {
    prefs[k] = { email: k !== 'daily_report', sms: k === 'arrears' || k === 'suspended' || k === 'released' };
  }
  return prefs;
}

export async function getSettings(db: DbOrTx, accountId: string) {
  const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.accountId, accountId));
  return {
    kinds: { ...defaultPrefs(), ...(row?.kinds ?? {}) },
    dailyReport: row?.dailyReport ?? false,
    dailyReportSince: row?.dailyReportSince ?? null,
  };
}

export async function saveSettings(
  db: DbOrTx,
  accountId: string,
  s: { kinds: ChannelPrefs; dailyReport: boolean; dailyReportSince: Date | null },
) {
  await db
    .insert(notificationSettings)
    .values({ accountId, kinds: s.kinds, dailyReport: s.dailyReport, dailyReportSince: s.dailyReportSince })
    .onConflictDoUpdate({
      target: notificationSettings.accountId,
      set: { kinds: s.kinds, dailyReport: s.dailyReport, dailyReportSince: s.dailyReportSince },
    });
}

/** Who a notice of an account goes to, and by which channels (R7): read once, before the notice is written. */
export interface NotifyContext {
  settings: Awaited<ReturnType<typeof getSettings>>;
  recipients: { email: string; phone: string | null; locale: string }[];
}

/**
 * The account's channel choices and owners, two independent reads in one round trip. A transaction
 * that will write a notice may start it early, in a group of its first statements (issue 15: place-order).
 */
export async function notificationContext(db: DbOrTx, accountId: string): Promise<NotifyContext> {
  const [settings, recipients] = await pipelined([
    getSettings(db, accountId),
    startQuery(
      db
        .select({ email: users.email, phone: users.phone, locale: users.locale })
        .from(users)
        .where(and(eq(users.accountId, accountId), sql`'owner' = any(${users.roles})`)),
    ),
  ]);
  return { settings, recipients };
}

/**
 * Records a notification once per cause (R7): (account, kind, cause) is unique in the database, so
 * concurrent or repeated triggers insert one row. The same transaction queues the email/SMS copies in
 * the durable outbox for the channels the customer chose; a job delivers them with retries.
 * Returns true when this call created the notification.
 * Issue 15: one statement writes both (a data-modifying WITH: the outbox rows are inserted only for a
 * notification row this statement created), one round trip inside the caller's transaction, which holds
 * the account's lock meanwhile; plus one for the context when the caller did not read it beforehand.
 */
export async function notify(
  db: DbOrTx,
  n: {
    accountId: string;
    kind: NotificationKind;
    /** What makes this notice unique, e.g. `pack:42` or `arrears:2026-11-21T08:00`. */
    cause: string;
    vars: Record<string, string | number>;
    at: Date;
  },
  context?: NotifyContext,
): Promise<boolean> {
  const text = render(n.kind, n.vars);
  const { settings, recipients } = context ?? (await notificationContext(db, n.accountId));
  const pref = settings.kinds[n.kind] ?? { email: false, sms: false };
  const channels = ['console'];
  if (pref.email && recipients.length > 0) channels.push('email');
  if (pref.sms && recipients.some((r) => r.phone)) channels.push('sms');
  const queued: { channel: 'email' | 'sms'; recipient: string; subject: string; body: string }[] = [];
  for (const r of recipients) {
    const zhFirst = r.locale !== 'en';
    const subject = zhFirst ? text.titleZh : text.titleEn;
    const body = zhFirst
      ? `${text.bodyZh}\n\n${text.titleEn}\n${text.bodyEn}`
      : `${text.bodyEn}\n\n${text.titleZh}\n${text.bodyZh}`;
    if (channels.includes('email')) queued.push({ channel: 'email', recipient: r.email, subject, body });
    if (channels.includes('sms') && r.phone) {
      queued.push({ channel: 'sms', recipient: r.phone, subject, body: zhFirst ? text.bodyZh : text.bodyEn });
    }
  }
  // One message per notification and channel (unique): the first owner is the recipient of record.
  const unique = queued.filter((q, i) => queued.findIndex((o) => o.channel === q.channel) === i);
  const at = n.at.toISOString();
  const created = await rows<{ id: string }>(
    db,
    sql`with n as (
          insert into ${notifications} (account_id, kind, cause, title_zh, title_en, body_zh, body_en, params, channels, created_at)
          values (${n.accountId}, ${n.kind}, ${n.cause}, ${text.titleZh}, ${text.titleEn}, ${text.bodyZh}, ${text.bodyEn},
                  ${JSON.stringify(n.vars)}::jsonb, string_to_array(${channels.join(',')}, ','), ${at}::timestamptz)
          on conflict do nothing
          returning id
        ), o as (
          insert into ${outbox} (notification_id, channel, recipient, subject, body, next_attempt_at)
          select n.id, q.channel, q.recipient, q.subject, q.body, ${at}::timestamptz
          from n cross join json_to_recordset(${JSON.stringify(unique)}::json)
            as q(channel text, recipient text, subject text, body text)
          on conflict do nothing
        )
        select id::text from n`,
  );
  return created.length > 0;
}

export async function listNotifications(
  db: DbOrTx,
  accountId: string,
  limit: number,
  beforeId: bigint | undefined,
  unreadOnly: boolean,
) {
  return db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.accountId, accountId),
        // Invitation emails ride the outbox on a notification row (born read); not a notice for the centre.
        ne(notifications.kind, 'member_invited'),
        beforeId ? lt(notifications.id, beforeId) : undefined,
        unreadOnly ? isNull(notifications.readAt) : undefined,
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(limit);
}

export async function unreadCount(db: DbOrTx, accountId: string): Promise<number> {
  const [r] = await rows<{ n: string | number }>(
    db,
    sql`select count(*) as n from ${notifications} where ${notifications.accountId} = ${accountId} and ${notifications.readAt} is null`,
  );
  return Number.parseInt(String(r?.n ?? 0), 10);
}

export async function markRead(db: DbOrTx, accountId: string, id: bigint | null, at: Date): Promise<number> {
  const done = await db
    .update(notifications)
    .set({ readAt: at })
    .where(
      and(
        eq(notifications.accountId, accountId),
        isNull(notifications.readAt),
        id === null ? undefined : eq(notifications.id, id),
      ),
    )
    .returning({ id: notifications.id });
  return done.length;
}

export async function notificationExists(db: DbOrTx, accountId: string, id: bigint): Promise<boolean> {
  const [r] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.accountId, accountId), eq(notifications.id, id)));
  return Boolean(r);
}

export interface ClaimedOutbox {
  id: string;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string;
  body: string;
  /** Including this attempt. */
  attempts: number;
}

/**
 * R7 Claims up to `limit` due outbox messages of an account for one worker, in one short statement
 * (its own transaction): a row is free when pending, due at the account's `now`, and unclaimed or
 * claimed before `staleBefore` (a worker that died between its claim and its result). SKIP LOCKED
 * lets concurrent workers claim disjoint rows without waiting; the claim counts as an attempt.
 */
export async function claimDueOutbox(
  db: DbOrTx,
  c: { accountId: string; now: Date; token: string; claimedAt: Date; staleBefore: Date; limit: number },
): Promise<ClaimedOutbox[]> {
  return rows<ClaimedOutbox>(
    db,
    sql`update ${outbox} set claim_token = ${c.token}, claimed_at = ${c.claimedAt.toISOString()}::timestamptz,
          attempts = ${outbox}.attempts + 1
        where id in (
          select o.id from ${outbox} o join ${notifications} n on n.id = o.notification_id
          where n.account_id = ${c.accountId} and o.status = 'pending'
            and o.next_attempt_at <= ${c.now.toISOString()}::timestamptz
            and (o.claimed_at is null or o.claimed_at < ${c.staleBefore.toISOString()}::timestamptz)
          order by o.id limit ${c.limit} for update of o skip locked)
        returning id::text as id, channel, recipient, subject, body, attempts`,
  );
}

/**
 * R7 Records a send's result and releases the claim, only while `token` still holds it: a worker
 * whose lease ran out and was taken over records nothing (the new holder records its own result).
 */
export async function recordOutboxResult(
  db: DbOrTx,
  id: bigint,
  token: string,
  r: {
    status: 'pending' | 'sent' | 'failed';
    nextAttemptAt: Date;
    sentAt: Date | null;
    error: string | null;
    provider: string | null;
  },
): Promise<boolean> {
  const done = await db
    .update(outbox)
    .set({
      status: r.status,
      nextAttemptAt: r.nextAttemptAt,
      sentAt: r.sentAt,
      lastError: r.error,
      provider: r.provider,
      claimToken: null,
      claimedAt: null,
    })
    .where(and(eq(outbox.id, id), eq(outbox.claimToken, token)))
    .returning({ id: outbox.id });
  return done.length > 0;
}

export async function listOutbox(db: DbOrTx, limit: number, beforeId?: bigint) {
  return db
    .select({ o: outbox, accountId: notifications.accountId, kind: notifications.kind })
    .from(outbox)
    .innerJoin(notifications, eq(notifications.id, outbox.notificationId))
    .where(beforeId ? lt(outbox.id, beforeId) : undefined)
    .orderBy(desc(outbox.id))
    .limit(limit);
}
