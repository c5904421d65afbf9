import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { Lifecycle } from '../src/http/health.ts';
import { createTestApp, onPostgres, type TestApp } from './harness.ts';
import { type BffProcess, emptyDatabase, sleep, startBff } from './proc/bff-process.ts';

describe('health probes for the load balancer (docs/production.md)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
  });
  afterAll(async () => {
    await t.close();
  });

  it('GET /healthz answers 200 without a session, uncached, and says nothing about any account', async () => {
    const res = await t.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz answers 200 when the database answers', async () => {
    const res = await t.app.request('/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
  });

  it('GET /readyz answers 503 while the instance drains, /healthz stays 200', async () => {
    const lifecycle: Lifecycle = { draining: false };
    const app = createApp({ ...t.deps, lifecycle });
    expect((await app.request('/readyz')).status).toBe(200);
    lifecycle.draining = true;
    const res = await app.request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'draining' });
    expect((await app.request('/healthz')).status).toBe(200);
  });

  it('GET /readyz answers 503 when the database fails', async () => {
    const failing = {
      ...t.deps,
      db: {
        execute: () => Promise.reject(new Error('connection refused')),
      } as unknown as typeof t.deps.db,
    };
    const res = await createApp(failing).request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'unavailable', reason: 'database error' });
  });

  it('the probes are GET only and do not shadow the API or the console', async () => {
    expect((await t.app.request('/healthz', { method: 'POST' })).status).toBe(404);
    expect((await t.app.request('/api/v1/me')).status).toBe(401);
  });
});

// A real process on PostgreSQL (as the other process tests): SIGTERM starts the drain.
describe.runIf(onPostgres)('graceful shutdown of a BFF process', () => {
  let db: Awaited<ReturnType<typeof emptyDatabase>>;
  let proc: BffProcess | undefined;
  beforeAll(async () => {
    db = await emptyDatabase();
  }, 30_000);
  afterAll(async () => {
    await proc?.kill('SIGKILL');
    await db?.drop();
  }, 30_000);

  it('on SIGTERM it reports 503 on /readyz while still serving for SHUTDOWN_DRAIN_MS, then exits', async () => {
    proc = await startBff('drain', { DATABASE_URL: db.url, SHUTDOWN_DRAIN_MS: '3000' });
    const p = proc;
    expect((await fetch(`${p.base}/readyz`)).status).toBe(200);
    process.kill(p.pid, 'SIGTERM');
    await p.waitFor(/Draining for 3000 ms/, 10_000);
    const ready = await fetch(`${p.base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'draining' });
    // Requests in the drain window are still served.
    expect((await fetch(`${p.base}/healthz`)).status).toBe(200);
    expect((await fetch(`${p.base}/api/v1/me`)).status).toBe(401);
    for (let i = 0; i < 100 && !p.exited(); i++) await sleep(100);
    expect(p.exited()).toBe(true);
  }, 60_000);
});
