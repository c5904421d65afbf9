import { auditLog, packs, resources, serviceKeys, usageEvents } from '@idv/db';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { Deps } from '../src/deps.ts';
import { createLogger } from '../src/observability/logger.ts';
import { json, useLogin, useTestApp } from './harness.ts';
import {
  addPack,
  countEvents,
  createAccount,
  cst,
  type Ev,
  ev,
  ingest,
  ingestOk,
  type Outcome,
} from './usage-fixtures.ts';

/**
 * Issue 14, poison-proof input (docs/decisions/0009): text PostgreSQL cannot hold (NUL, lone UTF-16
 * surrogates) or absurdly long never reaches the database. A usage event carrying it is rejected on its
 * own (INVALID_EVENT) and the rest of its batch is billed as if it were absent; every other endpoint
 * answers 400 INVALID_REQUEST naming the field, with nothing written. The exhaustive sweep over every
 * operation is issue14-fuzz-every-operation.test.ts; these are the readable cases per endpoint family.
 */
const t = useTestApp();
const owner = useLogin(t, 'demo@example.com');

const NUL = 'a\u0000b';
const HIGH = 'x\uD800';
const LOW = '\uDC00y';
const SETTLED = { settledThrough: '2026-11-19' };
const at = (hm: string) => `2026-11-20T${hm}:00+08:00`;

interface Problem {
  code: string;
  errors: { path: string; message: string }[];
}
async function expectRefused(res: Response, path: string, message: RegExp = /./): Promise<void> {
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  const p = await json<Problem>(res);
  expect(p.code).toBe('INVALID_REQUEST');
  expect(p.errors).toContainEqual(expect.objectContaining({ path, message: expect.stringMatching(message) }));
}

/** Outcomes without pack ids (two accounts have different packs), to compare billing decisions. */
const shape = (o: readonly Outcome[]) => o.map(({ packId, ...rest }) => ({ ...rest, pack: packId !== undefined }));

async function storedEvents(accountId: string) {
  const rows = await t.deps.db
    .select({
      eventId: usageEvents.eventId,
      outcome: usageEvents.outcome,
      code: usageEvents.code,
      rule: usageEvents.rule,
      day: usageEvents.day,
    })
    .from(usageEvents)
    .where(eq(usageEvents.accountId, accountId))
    .orderBy(usageEvents.eventId);
  return rows;
}
async function packUsed(accountId: string) {
  const rows = await t.deps.db.select({ used: packs.used }).from(packs).where(eq(packs.accountId, accountId));
  return rows.map((r) => r.used).sort();
}

describe('R4.1 R4.7 issue 14: an event whose text cannot be stored is rejected alone; the batch goes on', () => {
  it('R4.1 R4.7 poisoned events (NUL, lone high/low surrogate, overlong id, label, resource) among good ones: each is rejected INVALID_EVENT, the good ones are billed exactly as in the same batch without them', async () => {
    const a = await createAccount(t, SETTLED);
    const b = await createAccount(t, SETTLED);
    for (const acc of [a, b]) {
      await addPack(t, acc.id, { label: 'identity.basic', total: 2, acquiredAt: cst('2026-11-01T10:00:00') });
    }
    const good = (acc: typeof a): Ev[] => [
      ev('g1', 'identity.basic', acc.resources[0], at('09:00')),
      ev('g2', 'identity.basic', acc.resources[1], at('09:01')),
      ev('g3', 'identity.basic', acc.resources[0], at('09:02')),
      ev('g4', 'identity.basic', acc.resources[0], at('09:03'), 'timeout'),
      ev('g5', 'no.such.label', acc.resources[0], at('09:04')),
    ];
    const [g1, g2, g3, g4, g5] = good(a) as [Ev, Ev, Ev, Ev, Ev];
    const poisoned: Ev[] = [
      ev('p-nul-label', `identity.basic${NUL}`, a.resources[0], at('09:00')),
      ev(`p-high-id${HIGH}`, 'identity.basic', a.resources[0], at('09:00')),
      ev('p-low-resource', 'identity.basic', `${a.resources[0]}${LOW}`, at('09:00')),
      ev('p'.repeat(129), 'identity.basic', a.resources[0], at('09:00')),
      ev('p-long-label', 'l'.repeat(101), a.resources[0], at('09:00')),
      { ...ev('p-nul-result', 'identity.basic', a.resources[0], at('09:00')), result: `success${NUL}` },
      { ...ev('p-nul-time', 'identity.basic', a.resources[0], at('09:00')), occurredAt: `${at('09:00')}\u0000` },
      // Same id as a good event: the good one is NOT a duplicate of it (nothing of it was stored).
      ev('g3', `identity.basic${NUL}`, a.resources[0], at('09:00')),
    ];
    const batch: Ev[] = [
      poisoned[0],
      g1,
      poisoned[1],
      poisoned[2],
      g2,
      poisoned[3],
      poisoned[7],
      g3,
      poisoned[4],
      g4,
      poisoned[5],
      g5,
      poisoned[6],
    ] as Ev[];
    const res = await ingest(t, a.key, batch);
    expect(res.status).toBe(200);
    const outA = (await json<{ outcomes: Outcome[] }>(res)).outcomes;
    const outB = await ingestOk(t, b.key, good(b));

    // One outcome per input event, in input order; each poisoned one is INVALID_EVENT with its own id.
    expect(outA.map((o) => o.id)).toEqual(batch.map((e) => e.id));
    const isPoisoned = (i: number) => poisoned.includes(batch[i] as Ev);
    for (const [i, o] of outA.entries()) {
      if (isPoisoned(i)) expect(o).toEqual({ id: batch[i]?.id, outcome: 'rejected', code: 'INVALID_EVENT' });
    }
    const kept = outA.filter((_o, i) => !isPoisoned(i));
    expect(shape(kept)).toEqual(shape(outB));
    expect(shape(kept)).toEqual([
      { id: 'g1', outcome: 'pack', pack: true },
      { id: 'g2', outcome: 'pack', pack: true },
      { id: 'g3', outcome: 'postpaid', pack: false },
      { id: 'g4', outcome: 'free', pack: false },
      { id: 'g5', outcome: 'rejected', code: 'UNKNOWN_LABEL', pack: false },
    ]);
    // The database holds exactly what the batch without the poisoned events leaves.
    expect(await storedEvents(a.id)).toEqual(await storedEvents(b.id));
    expect(await packUsed(a.id)).toEqual(await packUsed(b.id));
    expect(await countEvents(t, a.id)).toBe(5);

    // Not stored, so a resend is rejected again (never 'duplicate'); the good ones are duplicates now.
    const again = await ingestOk(t, a.key, batch);
    for (const [i, o] of again.entries()) {
      expect(o).toEqual(
        isPoisoned(i)
          ? { id: batch[i]?.id, outcome: 'rejected', code: 'INVALID_EVENT' }
          : { id: batch[i]?.id, outcome: 'duplicate' },
      );
    }
    expect(await countEvents(t, a.id)).toBe(5);
  });

  it('R4.1 a batch of nothing but unstorable events is answered 200, every event INVALID_EVENT, nothing stored', async () => {
    const a = await createAccount(t, SETTLED);
    const out = await ingestOk(t, a.key, [
      ev(NUL, 'identity.basic', a.resources[0], at('09:00')),
      ev('x', 'identity.basic', HIGH, at('09:00')),
    ]);
    expect(out).toEqual([
      { id: NUL, outcome: 'rejected', code: 'INVALID_EVENT' },
      { id: 'x', outcome: 'rejected', code: 'INVALID_EVENT' },
    ]);
    expect(await countEvents(t, a.id)).toBe(0);
  });

  it('R4.1 the batch itself stays 400 when malformed, even beside poisoned events: poison outside an event, events not a list, a wrongly typed event', async () => {
    const a = await createAccount(t, SETTLED);
    const good = ev('ok-1', 'identity.basic', a.resources[0], at('09:00'));
    const poisonedEvent = ev('bad', `x${NUL}`, a.resources[0], at('09:00'));
    const send = (body: unknown) =>
      t.app.request('http://localhost/api/v1/usage/events', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${a.key}` },
        body: JSON.stringify(body),
      });
    await expectRefused(await send({ events: [good, poisonedEvent], [`note${NUL}`]: 1 }), '(field name)');
    await expectRefused(await send({ events: NUL }), 'events', /NUL/);
    await expectRefused(await send({ events: [good, poisonedEvent, { ...good, id: 7 }] }), 'events.2.id');
    await expectRefused(await send({ events: [good, { ...poisonedEvent, extra: NUL }] }), 'events.1.extra', /NUL/);
    expect(await countEvents(t, a.id)).toBe(0);
  });
});

describe('issue 14: every other endpoint refuses unstorable text with 400 INVALID_REQUEST and writes nothing', () => {
  it('resources: alias with NUL, project with a lone surrogate, region overlong; nothing is created', async () => {
    const count = async () =>
      (await t.deps.db.select().from(resources).where(eq(resources.accountId, 'acct_demo'))).length;
    const before = await count();
    const ok = { alias: 'a', project: 'p', region: 'ap-guangzhou' };
    await expectRefused(await owner.post('/api/v1/resources', { ...ok, alias: NUL }), 'alias', /NUL/);
    await expectRefused(await owner.post('/api/v1/resources', { ...ok, project: HIGH }), 'project', /surrogate/);
    await expectRefused(await owner.post('/api/v1/resources', { ...ok, project: LOW }), 'project', /surrogate/);
    await expectRefused(
      await owner.post('/api/v1/resources', { ...ok, region: 'r'.repeat(5000) }),
      'region',
      /at most/,
    );
    expect(await count()).toBe(before);
  });

  it('service keys: a name with NUL, a key id with %00 in the path', async () => {
    const count = async () => (await t.deps.db.select().from(serviceKeys)).length;
    const before = await count();
    await expectRefused(await owner.post('/api/v1/service-keys', { name: NUL }), 'name');
    await expectRefused(await owner.delete('/api/v1/service-keys/sk_%00'), 'id');
    await expectRefused(await owner.delete('/api/v1/service-keys/sk_%ED%A0%80'), 'id', /UTF-8/);
    expect(await count()).toBe(before);
  });

  it('orders and refunds: voucherId and label with NUL or a lone surrogate, with or without an Idempotency-Key', async () => {
    const order = { label: 'identity.basic', size: 1000, quantity: 1 };
    await expectRefused(await owner.post('/api/v1/orders', { ...order, voucherId: NUL }), 'voucherId');
    await expectRefused(
      await owner.post('/api/v1/orders', { ...order, voucherId: HIGH }, { 'idempotency-key': 'k-poison-1' }),
      'voucherId',
    );
    await expectRefused(await owner.post('/api/v1/orders', { ...order, label: LOW }), 'label');
    await expectRefused(await owner.post('/api/v1/refunds', { packId: `1${NUL}` }), 'packId');
    // The key was never recorded: the same key with a good body is a first request, not a reuse.
    const orders = await json<{ items: unknown[] }>(await owner.get('/api/v1/orders'));
    const res = await owner.post('/api/v1/orders', order, { 'idempotency-key': 'k-poison-1' });
    expect([201, 402]).toContain(res.status);
    expect((await json<{ items: unknown[] }>(await owner.get('/api/v1/orders'))).items.length).toBe(
      orders.items.length + (res.status === 201 ? 1 : 0),
    );
  });

  it('queries and paths: bill filters, pack label, pack id, cursor; %00, WTF-8 surrogates and invalid UTF-8', async () => {
    await expectRefused(await owner.get('/api/v1/bills/items?month=2026-11&q=%00'), 'q', /NUL/);
    await expectRefused(await owner.get('/api/v1/bills/items.csv?month=2026-11&product=a%00'), 'product');
    await expectRefused(await owner.get('/api/v1/bills/resources?month=2026-11&project=%ED%A0%80'), 'project', /UTF-8/);
    await expectRefused(await owner.get('/api/v1/bills/overview?month=2026-11&region=%FF'), 'region', /UTF-8/);
    await expectRefused(await owner.get('/api/v1/packs?label=identity%00'), 'label');
    await expectRefused(await owner.get('/api/v1/packs/1%00'), 'id');
    await expectRefused(await owner.get('/api/v1/orders?cursor=%00'), 'cursor');
    await expectRefused(await owner.get(`/api/v1/usage/daily?label=${'x'.repeat(5000)}`), 'label', /at most/);
    // An undeclared parameter is checked too: nothing reads it, but nothing may slip through either.
    await expectRefused(await owner.get('/api/v1/packs?whatever=%00'), 'whatever');
  });

  it('sign-in: an email with NUL or a password with a lone surrogate is 400 (not a failed attempt)', async () => {
    await expectRefused(
      await t.anon.post('/api/v1/auth/login', { email: `demo@example.com${NUL}`, password: 'x' }),
      'email',
    );
    await expectRefused(
      await t.anon.post('/api/v1/auth/login', { email: 'demo@example.com', password: HIGH }),
      'password',
    );
  });

  it('members and notification settings: an invited email or a chosen name with NUL, a kind named with NUL', async () => {
    await expectRefused(
      await owner.post('/api/v1/members/invitations', { email: `poison${NUL}@example.com`, role: 'viewer' }),
      'email',
    );
    await expectRefused(
      await t.anon.post('/api/v1/invitations/accept', {
        token: 'x'.repeat(32),
        name: `Poison${NUL}`,
        password: 'long-enough-password',
      }),
      'name',
    );
    await expectRefused(
      await owner.put('/api/v1/notification-settings', {
        kinds: { [NUL]: { email: true, sms: true } },
        dailyReport: true,
      }),
      'kinds.(field name)',
    );
    const users = await json<{ items: { email: string }[] }>(await owner.get('/api/v1/account/users'));
    expect(users.items.some((u) => u.email === 'poison@example.com')).toBe(false);
  });

  it('support: impersonation reason and ticket, account search q; an impersonating agent’s poisoned path is 400 and leaves the audit log as it was', async () => {
    const agent = await t.login('agent@example.com');
    const ok = { accountId: 'acct_demo', reason: 'customer asked about their bill today', write: false };
    await expectRefused(
      await agent.post('/api/v1/staff/impersonations', { ...ok, reason: `${ok.reason}${NUL}` }),
      'reason',
    );
    await expectRefused(await agent.post('/api/v1/staff/impersonations', { ...ok, ticket: HIGH }), 'ticket');
    await expectRefused(await agent.post('/api/v1/staff/impersonations', { ...ok, accountId: LOW }), 'accountId');
    await expectRefused(await agent.get('/api/v1/staff/accounts?q=%00'), 'q');
    expect((await agent.post('/api/v1/staff/impersonations', ok)).status).toBe(201);
    const audits = async () =>
      (
        await t.deps.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.accountId, 'acct_demo')))
      ).length;
    const before = await audits();
    await expectRefused(await agent.get('/api/v1/packs/%00'), 'id');
    await expectRefused(await agent.get('/api/v1/nowhere/%00'), '(path)');
    expect(await audits()).toBe(before);
    expect((await agent.get('/api/v1/packs')).status).toBe(200);
    expect(await audits()).toBe(before + 1);
    expect((await agent.delete('/api/v1/staff/impersonations/current')).status).toBe(204);
  });

  it('demo tenants: a name with NUL, a usage injection label with a lone surrogate, a tenant id with %00', async () => {
    const pm = await t.login('pm@example.com');
    const list = async () => (await json<{ items: unknown[] }>(await pm.get('/api/v1/demo/tenants'))).items.length;
    const before = await list();
    await expectRefused(await pm.post('/api/v1/demo/tenants', { scenario: 'empty', name: NUL }), 'name');
    await expectRefused(
      await pm.post('/api/v1/demo/tenants/acct_x/clock', {
        advanceBy: 'PT1H',
        usage: [{ label: HIGH, resourceId: 'r', callsPerDay: 1 }],
      }),
      'usage.0.label',
    );
    await expectRefused(await pm.delete('/api/v1/demo/tenants/acct%00'), 'accountId');
    expect(await list()).toBe(before);
  });

  it('headers and cookies: a session cookie with %00 is 400 and cleared; a latin-1 Idempotency-Key is 400; JSON nested 40 deep is 400', async () => {
    const res = await t.anon.raw('/api/v1/me', { headers: { cookie: 'sid=%00' } });
    expect(res.headers.get('set-cookie')).toMatch(/^sid=;.*Max-Age=0/);
    await expectRefused(res, 'cookie.sid', /NUL/);
    await expectRefused(await t.anon.raw('/api/v1/me', { headers: { cookie: 'sid=%ED%B0%80' } }), 'cookie.sid');
    await expectRefused(
      await owner.post('/api/v1/account/recharge', { amount: '1.00' }, { 'idempotency-key': 'é'.repeat(10) }),
      'Idempotency-Key',
    );
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i++) deep = [deep];
    await expectRefused(
      await owner.post('/api/v1/resources', { alias: deep, project: 'p', region: 'r' }),
      'alias.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0',
      /nest/,
    );
  });
});

describe('issue 14: a database error that still happens is logged and never shown', () => {
  it('a failing query answers 500 with only a request id: no SQL, no parameters, no stack; the error is logged with that id', async () => {
    const dbError = await t.deps.db.execute(sql`select ${'secret-param\u0000'}::text as x`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(dbError).toBeInstanceOf(Error);
    const failing = new Proxy(t.deps.db, {
      get(target, prop, receiver) {
        if (prop === 'select' || prop === 'transaction' || prop === 'execute') {
          return () => {
            throw dbError;
          };
        }
        return Reflect.get(target, prop, receiver);
      },
    });
    let logged = '';
    const logger = createLogger('info', {
      write: (line: string) => {
        logged += line;
      },
    });
    const app = createApp({ ...t.deps, db: failing, logger } as Deps);
    const res = await app.request('http://localhost/api/v1/me', {
      headers: { cookie: 'sid=abc', 'x-request-id': 'req-probe-1' },
    });
    expect(res.status).toBe(500);
    const text = await res.text();
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(body).toMatchObject({ code: 'INTERNAL', status: 500, requestId: 'req-probe-1' });
    expect(text).not.toMatch(/select|secret-param|Failed query|\bat\s|\.ts:|22021|invalid byte/i);
    // Logged with the request id, one JSON line at level error; the parameter value is not in the log.
    const line = logged
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'unhandled error');
    expect(line).toMatchObject({ level: 'error', reqId: 'req-probe-1' });
    expect(JSON.stringify(line?.err)).toContain((dbError as Error).name);
    expect(logged).not.toContain('secret-param');
  });
});
