import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { deliverOutboxJob } from '../src/jobs/outbox.ts';
import { tick } from '../src/jobs/scheduler.ts';
import { createLogger, scrubQueryParams, scrubUrls } from '../src/observability/logger.ts';
import { createTestApp, json, type TestApp } from './harness.ts';
import { arrearsNotice } from './money-fixtures.ts';

/**
 * Issue 19: structured JSON logs (one object a line, request id, route pattern, status, duration,
 * account) that never carry a secret, and GET /metrics (Prometheus text) for loopback or a token only.
 */

const SMTP_SECRET = 'smtp-Secr3t-Passw0rd-xyz';
const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

let t: TestApp;
let app: ReturnType<typeof createApp>;
let out = '';
let dist: string;
const lines = () =>
  out
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** A request as if it came over a socket from `address` (what getConnInfo reads). */
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address, remoteFamily: 'IPv4' } } });

beforeAll(async () => {
  t = await createTestApp({
    config: { smtpUrl: `smtp://billing:${SMTP_SECRET}@127.0.0.1:1`, metricsToken: METRICS_TOKEN },
  });
  dist = mkdtempSync(join(tmpdir(), 'idv-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><html><head></head><body>SPA</body></html>');
  writeFileSync(join(dist, 'assets/index-abc.js'), 'export {};\n');
  writeFileSync(join(dist, 'assets/index-abc.js.map'), '{"version":3,"sources":["secret-source.ts"]}');
  const logger = createLogger('info', {
    write: (s: string) => {
      out += s;
    },
  });
  t.deps.logger = logger;
  app = createApp({ ...t.deps, logger, config: { ...t.deps.config, consoleDist: dist } });
});
afterAll(async () => {
  rmSync(dist, { recursive: true, force: true });
  await t?.close();
});

describe('structured logs (issue 19)', () => {
  it('one JSON object per request line: level, msg, time, request id (echoed), method, route pattern, status, ms, account', async () => {
    const login = await app.request('http://localhost/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'demo@example.com', password: 'demo-pass-2026' }),
    });
    const cookie = `sid=${/sid=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1]}`;
    const packs = await json<{ items: { id: string }[] }>(
      await app.request('http://localhost/api/v1/packs', { headers: { cookie } }),
    );
    const packId = packs.items[0]?.id ?? 'none';
    out = '';
    const res = await app.request(`http://localhost/api/v1/packs/${packId}`, {
      headers: { cookie, 'x-request-id': 'lb-4f2a.77:9' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('lb-4f2a.77:9');
    const [line] = lines();
    expect(line).toMatchObject({
      level: 'info',
      msg: 'request',
      reqId: 'lb-4f2a.77:9',
      method: 'GET',
      path: '/api/v1/packs/:id',
      status: 200,
    });
    expect(typeof line?.ms).toBe('number');
    expect(Number.isNaN(Date.parse(String(line?.time)))).toBe(false);
    expect(line?.accountId).toMatch(/\S/);
    // The raw path (with the pack id) is not logged, only the route pattern.
    expect(out).not.toContain(`/api/v1/packs/${packId}`);
  });

  it('an unusable incoming X-Request-Id is replaced by a generated one', async () => {
    for (const bad of ['has space', 'x'.repeat(65), 'a"b', '<script>']) {
      const res = await app.request('http://localhost/healthz', { headers: { 'x-request-id': bad } });
      const id = res.headers.get('x-request-id') ?? '';
      expect(id).not.toBe(bad);
      expect(id).toMatch(/^req_[A-Za-z0-9_-]+$/);
    }
    const none = await app.request('http://localhost/api/v1/me');
    expect(none.headers.get('x-request-id')).toMatch(/^req_/);
  });

  it('no secret reaches the log: passwords, cookies, service keys, SMTP credentials, tokens (sign-in, ingest, recharge, outbox)', async () => {
    out = '';
    const wrongPassword = 'Wr0ng-Passw0rd-in-log-test';
    const bad = await app.request('http://localhost/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'demo@example.com', password: wrongPassword }),
    });
    expect(bad.status).toBe(401);
    const login = await app.request('http://localhost/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'demo@example.com', password: 'demo-pass-2026' }),
    });
    expect(login.status).toBe(200);
    const sid = /sid=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1] ?? '';
    expect(sid.length).toBeGreaterThan(10);
    const cookie = `sid=${sid}`;
    const key = await json<{ key: string }>(
      await app.request('http://localhost/api/v1/service-keys', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', origin: 'http://localhost' },
        body: JSON.stringify({ name: 'log test' }),
      }),
    );
    expect(key.key).toMatch(/^idv_sk_/);
    const ingest = await app.request('http://localhost/api/v1/usage/events', {
      method: 'POST',
      headers: { authorization: `Bearer ${key.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        events: [
          {
            id: 'log-secret-1',
            label: 'identity.basic',
            resourceId: 'res-kyc-prod',
            result: 'success',
            occurredAt: '2026-11-20T09:00:00+08:00',
          },
        ],
      }),
    });
    expect(ingest.status).toBe(200);
    const recharge = await app.request('http://localhost/api/v1/account/recharge', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'idempotency-key': 'log-test-recharge-1' },
      body: JSON.stringify({ amount: '12.34' }),
    });
    expect(recharge.status).toBe(200);
    // /metrics with the token from elsewhere.
    const m = await app.request(
      'http://localhost/metrics',
      { headers: { authorization: `Bearer ${METRICS_TOKEN}` } },
      from('10.1.2.3'),
    );
    expect(m.status).toBe(200);
    // A scheduler pass that tries the SMTP server (unreachable) with credentials in its URL.
    t.clock.advance(26 * 3_600_000);
    await tick(t.deps);
    // An error whose message carries a URL with credentials.
    const logger = t.deps.logger;
    logger?.error({ err: new Error(`connect failed smtp://billing:${SMTP_SECRET}@mail.example:587`) }, 'x');

    // Something was logged for each request (the test would pass vacuously on an empty log).
    expect(lines().filter((l) => l.msg === 'request').length).toBeGreaterThanOrEqual(5);
    expect(out).toContain('/api/v1/usage/events');
    expect(out).toContain('smtp://***@mail.example');
    for (const secret of [wrongPassword, 'demo-pass-2026', sid, key.key, SMTP_SECRET, METRICS_TOKEN]) {
      expect(out).not.toContain(secret);
    }
  });

  it('credentials in URLs are scrubbed from error messages', () => {
    expect(scrubUrls('postgres://app:pw@db:5432/x and smtps://u:p@h')).toBe(
      'postgres://***@db:5432/x and smtps://***@h',
    );
    expect(scrubUrls('no url here')).toBe('no url here');
  });

  it("a failed query's parameter values (customer data) are not logged, its SQL is", () => {
    const msg = 'Failed query: insert into "users" ("email") values ($1)\nparams: alice@customer.example';
    const out = scrubQueryParams(msg);
    expect(out).toContain('insert into "users"');
    expect(out).not.toContain('alice@customer.example');
  });
});

describe('GET /metrics (issue 19)', () => {
  it('answers a loopback client in Prometheus text: HTTP by route pattern/method/status, ingest outcomes, outbox, leases', async () => {
    await app.request('http://localhost/api/v1/me');
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      const res = await app.request('http://localhost/metrics', {}, from(address));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/plain');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    const text = await (await app.request('http://localhost/metrics', {}, from('127.0.0.1'))).text();
    expect(text).toMatch(/^# TYPE idv_http_requests_total counter$/m);
    expect(text).toMatch(/idv_http_requests_total\{[^}]*route="\/api\/v1\/me",method="GET",status="401"[^}]*\} \d+/);
    expect(text).toMatch(/idv_http_request_duration_seconds_bucket\{[^}]*route="\/api\/v1\/packs\/:id"/);
    expect(text).toMatch(/idv_usage_events_total\{[^}]*outcome="(pack|postpaid|free)"[^}]*\} [1-9]/);
    expect(text).toMatch(/idv_outbox_backlog\{[^}]*channel="email",status="pending"[^}]*\} \d+/);
    expect(text).toMatch(/idv_job_lease_acquisitions_total\{[^}]*result="acquired"[^}]*\} [1-9]/);
    expect(text).toMatch(/idv_scheduler_ticks_total\{[^}]*result="ok"/);
    expect(text).toMatch(/idv_db_pool_max_connections\{[^}]*\} \d+/);
    expect(text).toMatch(/^process_cpu_user_seconds_total/m);
  });

  it('counts settlement runs and their lag from scheduler passes', async () => {
    const metric = async (re: RegExp) => {
      const text = await (await app.request('http://localhost/metrics', {}, from('127.0.0.1'))).text();
      return [...text.matchAll(re)].reduce((s, m) => s + Number(m[1]), 0);
    };
    const runs = /idv_settlement_runs_total\{[^}]*kind="daily"[^}]*\} (\d+)/g;
    const lag = /idv_settlement_lag_seconds_count\{[^}]*kind="daily"[^}]*\} (\d+)/g;
    const before = await metric(runs);
    t.clock.advance(24 * 3_600_000);
    await tick(t.deps);
    expect(await metric(runs)).toBeGreaterThan(before);
    expect(await metric(lag)).toBeGreaterThan(0);
  });

  it('counts outbox send failures and shows the backlog and the age of the oldest due message', async () => {
    const scrape = async () => (await app.request('http://localhost/metrics', {}, from('127.0.0.1'))).text();
    const value = (text: string, re: RegExp) => [...text.matchAll(re)].reduce((s, m) => s + Number(m[1]), 0);
    const failedSends = /idv_outbox_sends_total\{[^}]*channel="email",result="failed"[^}]*\} (\d+)/g;
    const pending = /idv_outbox_backlog\{[^}]*channel="email",status="pending"[^}]*\} (\d+)/g;
    const before = await scrape();
    const at = t.clock.now();
    await arrearsNotice(t, 'arrears:metrics-test', at);
    const down = {
      send: async () => {
        throw new Error('smtp down');
      },
    };
    await deliverOutboxJob.run({ ...t.deps, senders: { email: down, sms: down } }, 'acct_other', at);
    // Ten minutes later the retry (due after 1 minute) has not happened yet.
    t.clock.advance(10 * 60_000);
    const after = await scrape();
    expect(value(after, failedSends)).toBeGreaterThan(value(before, failedSends));
    expect(value(after, pending)).toBeGreaterThan(value(before, pending));
    expect(value(after, /idv_outbox_oldest_pending_age_seconds\{[^}]*\} (\d+(?:\.\d+)?)/g)).toBeGreaterThanOrEqual(
      9 * 60,
    );
  });

  it('anyone else gets 404 (not the SPA): non-loopback without a token or with a wrong one, forwarded requests, no socket', async () => {
    const cases: [RequestInit, ReturnType<typeof from> | undefined][] = [
      [{}, from('10.0.0.8')],
      [{}, from('203.0.113.9')],
      [{ headers: { authorization: 'Bearer wrong-token-wrong-token' } }, from('10.0.0.8')],
      [{ headers: { authorization: `Basic ${METRICS_TOKEN}` } }, from('10.0.0.8')],
      // Through a proxy on this host: the socket is loopback, the client is not.
      [{ headers: { 'x-forwarded-for': '203.0.113.9' } }, from('127.0.0.1')],
      // X-Forwarded-For never makes a remote client local.
      [{ headers: { 'x-forwarded-for': '127.0.0.1' } }, from('10.0.0.8')],
      [{}, undefined],
    ];
    for (const [init, env] of cases) {
      const res = await app.request('http://localhost/metrics', init, env);
      expect(res.status).toBe(404);
      const body = await res.text();
      expect(body).not.toContain('SPA');
      expect(body).not.toContain('idv_http');
    }
  });

  it('from elsewhere with the METRICS_TOKEN it answers 200', async () => {
    const res = await app.request(
      'http://localhost/metrics',
      { headers: { authorization: `Bearer ${METRICS_TOKEN}` } },
      from('10.0.0.8'),
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('idv_http_requests_total');
  });

  it('without a METRICS_TOKEN configured, no bearer value opens it from elsewhere', async () => {
    const open = createApp({ ...t.deps, config: { ...t.deps.config, metricsToken: undefined } });
    for (const auth of ['Bearer ', 'Bearer undefined', `Bearer ${METRICS_TOKEN}`]) {
      const res = await open.request(
        'http://localhost/metrics',
        { headers: { authorization: auth } },
        from('10.0.0.8'),
      );
      expect(res.status).toBe(404);
    }
    expect((await open.request('http://localhost/metrics', {}, from('127.0.0.1'))).status).toBe(200);
  });
});
