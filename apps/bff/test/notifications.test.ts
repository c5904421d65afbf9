import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { accounts, notifications, outbox, packs, users } from '@idv/db';
import { eq, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { describe, expect, it } from 'vitest';
import { arrearsLifecycleJob } from '../src/jobs/arrears.ts';
import { BACKOFF_MS, deliverOutboxJob } from '../src/jobs/outbox.ts';
import { packExpiryJob } from '../src/jobs/pack-expiry.ts';
import { smtpSender } from '../src/notifications/senders.ts';
import { postLedger } from '../src/repositories/ledger.ts';
import { notify } from '../src/repositories/notifications.ts';
import { json, useTestApp } from './harness.ts';
import { arrearsNotice } from './money-fixtures.ts';

const t = useTestApp();

const packVars = { packId: '1', labelZh: '测试', labelEn: 'Test', remaining: 10, total: 100 };

describe('R7 notifications are sent once per cause', () => {
  it('R7 the same cause twice records one notification, a new cause another', async () => {
    const at = t.clock.now();
    const a = await notify(t.deps.db, {
      accountId: 'acct_demo',
      kind: 'pack_low',
      cause: 'pack:test-1',
      vars: packVars,
      at,
    });
    const b = await notify(t.deps.db, {
      accountId: 'acct_demo',
      kind: 'pack_low',
      cause: 'pack:test-1',
      vars: packVars,
      at,
    });
    const c = await notify(t.deps.db, {
      accountId: 'acct_demo',
      kind: 'pack_low',
      cause: 'pack:test-2',
      vars: packVars,
      at,
    });
    expect([a, b, c]).toEqual([true, false, true]);
    const rows = await t.deps.db
      .select()
      .from(notifications)
      .where(sql`${notifications.cause} in ('pack:test-1','pack:test-2')`);
    expect(rows).toHaveLength(2);
  });

  it('R7 lists notifications in the reader language with an unread count, marks them read, 404 for others', async () => {
    const demo = await t.login('demo@example.com');
    const zh = await json<{ items: { id: string; title: string; readAt: string | null }[]; unreadCount: number }>(
      await demo.get('/api/v1/notifications'),
    );
    expect(zh.items[0]?.title).toBe('资源包余量不足 20%');
    expect(zh.unreadCount).toBeGreaterThanOrEqual(2);
    const en = await json<{ items: { title: string }[] }>(await demo.get('/api/v1/notifications?lang=en'));
    expect(en.items[0]?.title).toBe('Resource pack below 20%');
    const first = zh.items[0];
    if (!first) throw new Error('no notification');
    const other = await t.login('other@example.com');
    expect((await other.post(`/api/v1/notifications/${first.id}/read`)).status).toBe(404);
    expect((await demo.post(`/api/v1/notifications/${first.id}/read`)).status).toBe(204);
    const after = await json<{ items: { id: string; readAt: string | null }[]; unreadCount: number }>(
      await demo.get('/api/v1/notifications'),
    );
    expect(after.items.find((i) => i.id === first.id)?.readAt).not.toBeNull();
    expect(after.unreadCount).toBe(zh.unreadCount - 1);
    const viewer = await t.login('viewer@example.com');
    expect((await viewer.post('/api/v1/notifications/read-all')).status).toBe(204);
    const none = await json<{ unreadCount: number }>(await demo.get('/api/v1/notifications'));
    expect(none.unreadCount).toBe(0);
  });

  it('R7 settings choose email/SMS per kind; only the owner may change them', async () => {
    const demo = await t.login('demo@example.com');
    const s = await json<{ kinds: Record<string, { email: boolean; sms: boolean }>; dailyReport: boolean }>(
      await demo.get('/api/v1/notification-settings'),
    );
    expect(s.kinds.arrears).toEqual({ email: true, sms: true });
    const put = await demo.put('/api/v1/notification-settings', {
      kinds: { pack_low: { email: false, sms: true } },
      dailyReport: true,
    });
    expect(put.status).toBe(200);
    const saved = await json<{ kinds: Record<string, { email: boolean; sms: boolean }>; dailyReport: boolean }>(put);
    expect(saved.kinds.pack_low).toEqual({ email: false, sms: true });
    expect(saved.kinds.arrears).toEqual({ email: true, sms: true });
    expect(saved.dailyReport).toBe(true);
    const bad = await demo.put('/api/v1/notification-settings', { kinds: { nope: { email: 1 } }, dailyReport: 'yes' });
    expect(bad.status).toBe(400);
    const viewer = await t.login('viewer@example.com');
    expect((await viewer.put('/api/v1/notification-settings', { kinds: {}, dailyReport: false })).status).toBe(403);
    // restore
    await demo.put('/api/v1/notification-settings', {
      kinds: { pack_low: { email: true, sms: false } },
      dailyReport: false,
    });
  });
});

describe('R7 email through a real SMTP server', () => {
  it('R7 delivers the queued email to the owner with subject and body in both languages, once', async () => {
    const received: { to: string; data: string }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, cb) {
        let data = '';
        stream.on('data', (c: Buffer) => {
          data += c.toString('utf8');
        });
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data });
          cb();
        });
      },
    });
    server.listen(0, '127.0.0.1');
    await once(server.server, 'listening');
    const port = (server.server.address() as AddressInfo).port;
    try {
      const deps = {
        ...t.deps,
        senders: {
          email: smtpSender(`smtp://127.0.0.1:${port}`, 'billing@idv.example'),
          sms: { send: async () => ({ provider: 'test' }) },
        },
      };
      const at = t.clock.now();
      const exhausted = (cause: string) =>
        notify(t.deps.db, {
          accountId: 'acct_demo',
          kind: 'pack_exhausted',
          cause,
          vars: { ...packVars, nextZh: '后续调用按后付费计费。', nextEn: 'Further calls are billed postpaid.' },
          at,
        });
      await exhausted('pack:smtp-zh');
      await t.deps.db.update(users).set({ locale: 'en' }).where(eq(users.id, 'usr_demo'));
      await exhausted('pack:smtp-en');
      await t.deps.db.update(users).set({ locale: 'zh-CN' }).where(eq(users.id, 'usr_demo'));
      await deliverOutboxJob.run(deps, 'acct_demo', at);
      const firstRun = received.length;
      await deliverOutboxJob.run(deps, 'acct_demo', at);
      expect(received.length).toBe(firstRun);
      expect(received.every((r) => r.to === 'demo@example.com')).toBe(true);
      const decoded = received
        .map((r) => decodeMime(r.data))
        .filter((d) => d.includes('Subject: 资源包已用尽') || d.includes('Subject: Resource pack used up'));
      expect(decoded).toHaveLength(2);
      const zhMail = decoded.find(
        (d) => d.includes('资源包已用尽') && d.indexOf('资源包已用尽') < d.indexOf('Resource pack used up'),
      );
      const enMail = decoded.find((d) => d.includes('Subject: Resource pack used up'));
      expect(zhMail).toBeDefined();
      expect(zhMail).toContain('后续调用按后付费计费。');
      expect(zhMail).toContain('Further calls are billed postpaid.');
      expect(enMail).toBeDefined();
      expect(enMail).toContain('Further calls are billed postpaid.');
      const sent = await t.deps.db.select().from(outbox).where(eq(outbox.status, 'sent'));
      expect(sent.filter((o) => o.provider === 'smtp').length).toBe(received.length);
    } finally {
      server.close();
    }
  });

  it('R7 a failed send is retried with backoff and delivered once it works', async () => {
    let fail = true;
    let calls = 0;
    const flaky = {
      send: async () => {
        calls++;
        if (fail) throw new Error('smtp down');
        return { provider: 'flaky' };
      },
    };
    const deps = { ...t.deps, senders: { email: flaky, sms: flaky } };
    const at = t.clock.now();
    await arrearsNotice(t, 'arrears:retry-test', at);
    await deliverOutboxJob.run(deps, 'acct_other', at);
    const [row] = await t.deps.db.select().from(outbox).where(eq(outbox.recipient, 'other@example.com'));
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'smtp down' });
    expect(row?.nextAttemptAt.getTime()).toBe(at.getTime() + (BACKOFF_MS[0] ?? 0));
    // Not due yet: nothing is tried.
    await deliverOutboxJob.run(deps, 'acct_other', new Date(at.getTime() + 1000));
    expect(calls).toBe(1);
    fail = false;
    await deliverOutboxJob.run(deps, 'acct_other', new Date(at.getTime() + (BACKOFF_MS[0] ?? 0)));
    await deliverOutboxJob.run(deps, 'acct_other', new Date(at.getTime() + 3_600_000));
    expect(calls).toBe(2);
    const [done] = await t.deps.db.select().from(outbox).where(eq(outbox.recipient, 'other@example.com'));
    expect(done).toMatchObject({ status: 'sent', attempts: 2, provider: 'flaky' });
  });
});

describe('R6 arrears lifecycle job', () => {
  it('R6.2 suspends exactly 24 h after arrears began, R6.4 releases after the release period', async () => {
    const since = new Date('2026-11-21T08:00:00+08:00');
    await t.deps.db.transaction(async (tx) => {
      await postLedger(tx, {
        accountId: 'acct_other',
        amounts: { cash: -2_000_000_000n },
        reason: 'adjustment',
        refType: 'test',
        refId: 'arrears',
        at: since,
      });
      await tx.update(accounts).set({ status: 'arrears', arrearsSince: since }).where(eq(accounts.id, 'acct_other'));
    });
    const at = (ms: number) => new Date(since.getTime() + ms);
    expect(await arrearsLifecycleJob.run(t.deps, 'acct_other', at(24 * 3_600_000 - 60_000))).toEqual([]);
    const h = await arrearsLifecycleJob.run(t.deps, 'acct_other', at(30 * 3_600_000));
    expect(h.map((x) => x.kind)).toEqual(['suspended']);
    const [a] = await t.deps.db.select().from(accounts).where(eq(accounts.id, 'acct_other'));
    expect(a?.status).toBe('suspended');
    expect(a?.suspendedAt?.toISOString()).toBe(at(24 * 3_600_000).toISOString());
    const again = await arrearsLifecycleJob.run(t.deps, 'acct_other', at(31 * 3_600_000));
    expect(again).toEqual([]);
    const released = await arrearsLifecycleJob.run(t.deps, 'acct_other', at(24 * 3_600_000 + 15 * 86_400_000));
    expect(released.map((x) => x.kind)).toEqual(['released']);
    const kinds = await t.deps.db
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(eq(notifications.accountId, 'acct_other'));
    expect(kinds.filter((k) => k.kind === 'suspended')).toHaveLength(1);
    expect(kinds.filter((k) => k.kind === 'released')).toHaveLength(1);
  });
});

describe('R7 pack expiry notices', () => {
  it('R7 expiring 7 days before, then expired with the status changed, each once', async () => {
    const [p] = await t.deps.db
      .select()
      .from(packs)
      .where(
        sql`${packs.accountId} = 'acct_demo' and ${packs.status} = 'active' and ${packs.label} = 'identity.basic'`,
      );
    if (!p) throw new Error('no pack');
    const week = 7 * 86_400_000;
    const h1 = await packExpiryJob.run(t.deps, 'acct_demo', new Date(p.expiresAt.getTime() - week + 1000));
    expect(h1.filter((x) => x.kind === 'pack_expiring' && x.summary.includes(String(p.id)))).toHaveLength(1);
    const h2 = await packExpiryJob.run(t.deps, 'acct_demo', new Date(p.expiresAt.getTime() - 1000));
    expect(h2.filter((x) => x.summary.includes(`Pack ${p.id} `))).toHaveLength(0);
    const h3 = await packExpiryJob.run(t.deps, 'acct_demo', new Date(p.expiresAt.getTime() + 1000));
    expect(h3.filter((x) => x.kind === 'pack_expired' && x.summary.includes(`Pack ${p.id} `))).toHaveLength(1);
    const [after] = await t.deps.db.select().from(packs).where(eq(packs.id, p.id));
    expect(after?.status).toBe('expired');
    const n = await t.deps.db
      .select()
      .from(notifications)
      .where(
        sql`${notifications.cause} = ${`pack:${p.id}`} and ${notifications.kind} in ('pack_expiring','pack_expired')`,
      );
    expect(n.map((x) => x.kind).sort()).toEqual(['pack_expired', 'pack_expiring']);
    expect(n.find((x) => x.kind === 'pack_expiring')?.createdAt.getTime()).toBe(p.expiresAt.getTime() - week);
  });
});

/** Decodes one MIME message (quoted-printable or base64 body, encoded-word subject), enough for assertions. */
function decodeMime(raw: string): string {
  const split = raw.search(/\r?\n\r?\n/);
  const rawHead = raw.slice(0, split);
  const rawBody = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const qp = (s: string) =>
    Buffer.from(
      s
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  const head = rawHead
    .replace(/\r?\n[ \t]+/g, ' ')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_, enc: string, s: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(s, 'base64').toString('utf8') : qp(s.replace(/_/g, ' ')),
    );
  let body = rawBody;
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) body = qp(rawBody);
  else if (/Content-Transfer-Encoding: base64/i.test(head))
    body = Buffer.from(rawBody.replace(/\s+/g, ''), 'base64').toString('utf8');
  return `${head}\n\n${body}`;
}
