import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres } from './harness.ts';
import { type BffProcess, emptyDatabase, signIn, startBff } from './proc/bff-process.ts';

// Issue 15: the fast read path keeps no session in process memory: every request reads its session,
// user, impersonation and account in one statement from PostgreSQL. So a session ended or an
// impersonation stopped on one instance is refused by every other instance from its very next
// request (the documented bound is 0 s: no cache to expire; docs/performance.md). Proven here on two
// real processes on one PostgreSQL database; PGlite is single-process, so PostgreSQL only.
describe.runIf(onPostgres)('R9.2 sessions across instances: revocation is seen at once by every instance', () => {
  const procs: BffProcess[] = [];
  let db: Awaited<ReturnType<typeof emptyDatabase>>;
  let a: BffProcess;
  let b: BffProcess;
  const password = 'demo-pass-2026';
  const get = (p: BffProcess, path: string, cookie: string) =>
    fetch(`${p.base}/api/v1${path}`, { headers: { cookie } });
  const send = (p: BffProcess, method: string, path: string, cookie: string, body?: unknown) =>
    fetch(`${p.base}/api/v1${path}`, {
      method,
      headers: { cookie, 'content-type': 'application/json', 'idempotency-key': `k-${Math.random()}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  type Me = { account: { id: string } | null; impersonation: { write: boolean } | null };

  beforeAll(async () => {
    db = await emptyDatabase();
    const env = { DATABASE_URL: db.url, SEED_DEMO: '1' };
    const started = await Promise.all([startBff('A', env), startBff('B', env)]);
    procs.push(...started);
    [a, b] = started as [BffProcess, BffProcess];
  }, 120_000);

  afterAll(async () => {
    await Promise.all(procs.map((p) => p.kill('SIGKILL')));
    await db?.drop();
  }, 30_000);

  it('R9.1 a session signed out on instance A is refused by instance B on the next request', async () => {
    const cookie = await signIn(a.base, 'demo@example.com', password);
    // Warm B's read path (prepared statements on its pooled connections) with this very session.
    for (let i = 0; i < 5; i++) {
      expect((await get(b, '/me', cookie)).status).toBe(200);
      expect((await get(b, '/packs', cookie)).status).toBe(200);
    }
    const out = await send(a, 'POST', '/auth/logout', cookie);
    expect(out.status).toBe(204);
    for (const path of ['/me', '/packs', '/account']) {
      const res = await get(b, path, cookie);
      expect(res.status).toBe(401);
    }
    // And on A itself.
    expect((await get(a, '/me', cookie)).status).toBe(401);
  });

  it('R9.2 an impersonation stopped on instance A no longer reaches the account through instance B', async () => {
    const agent = await signIn(a.base, 'agent@example.com', password);
    const started = await send(a, 'POST', '/staff/impersonations', agent, {
      accountId: 'acct_demo',
      reason: 'Customer asked why the pack list looks wrong (ticket 15).',
    });
    expect(started.status).toBe(201);
    // B acts on the impersonated account, read-only (R9.2): reads pass, a purchase is refused.
    const me = (await (await get(b, '/me', agent)).json()) as Me;
    expect(me.account?.id).toBe('acct_demo');
    expect(me.impersonation?.write).toBe(false);
    expect((await get(b, '/packs', agent)).status).toBe(200);
    const order = await send(b, 'POST', '/orders', agent, { label: 'plus.selfie.wechat', size: 1000, quantity: 1 });
    expect(order.status).toBe(403);
    expect(((await order.json()) as { code: string }).code).toBe('READ_ONLY_IMPERSONATION');

    const stop = await send(a, 'DELETE', '/staff/impersonations/current', agent);
    expect(stop.status).toBe(204);
    // B, on the very next request: the agent is a staff user again, with no account to act on.
    expect((await get(b, '/packs', agent)).status).toBe(403);
    expect((await get(b, '/account', agent)).status).toBe(403);
    const after = (await (await get(b, '/me', agent)).json()) as Me;
    expect(after.impersonation).toBeNull();
    expect(after.account).toBeNull();
  });
});
