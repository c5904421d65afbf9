import { createDb, type DbHandle, signInThrottle } from '@idv/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { THROTTLE, throttleKeys } from '../src/use-cases/auth/sign-in.ts';
import { createTestApp, json, type TestApp } from './harness.ts';

/**
 * Sign-in throttling (issue 19, docs/decisions/0013): per account and source, progressive, per
 * source across accounts, shared by every instance through the database.
 */
let t: TestApp & { testDb: { url: string | undefined } };
let second: DbHandle | undefined;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await second?.close();
  await t?.close();
});

type AppLike = { request: TestApp['app']['request'] };
/** A sign-in from a given client address (the socket's, as @hono/node-server sees it). */
function login(app: AppLike, source: string, email: string, password: string) {
  return app.request(
    'http://localhost/api/v1/auth/login',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) },
    { incoming: { socket: { remoteAddress: source, remotePort: 40000, remoteFamily: 'IPv4' } } },
  );
}
const RIGHT = 'demo-pass-2026';

describe('sign-in throttling per account and source', () => {
  it('guessing from one address cannot lock the owner out: the right password from another address signs in', async () => {
    for (let i = 0; i < 20; i++) {
      const r = await login(t.app, '203.0.113.7', 'demo@example.com', `guess-${i}`);
      expect([401, 429]).toContain(r.status);
    }
    // The attacker's own address is refused even with the right password (it would confirm a guess).
    expect((await login(t.app, '203.0.113.7', 'demo@example.com', RIGHT)).status).toBe(429);
    // The owner, from their own address, is not affected at all.
    const owner = await login(t.app, '198.51.100.20', 'demo@example.com', RIGHT);
    expect(owner.status).toBe(200);
    expect((await json<{ user: { email: string } }>(owner)).user.email).toBe('demo@example.com');
  });

  it('refuses the guessing address progressively with 429 and a growing Retry-After', async () => {
    const src = '203.0.113.8';
    for (let i = 0; i < THROTTLE.PAIR_FREE - 1; i++) {
      expect((await login(t.app, src, 'viewer@example.com', `bad-${i}`)).status).toBe(401);
    }
    // The PAIR_FREE-th failure is still answered (401) but starts the first delay.
    expect((await login(t.app, src, 'viewer@example.com', 'bad-x')).status).toBe(401);
    const waits: number[] = [];
    for (let round = 0; round < 4; round++) {
      const refused = await login(t.app, src, 'viewer@example.com', RIGHT);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect((await json(refused)).code).toBe('RATE_LIMITED');
      const wait = Number(refused.headers.get('retry-after'));
      waits.push(wait);
      // Waiting it out allows exactly one more guess, which fails and doubles the delay.
      t.clock.advance(wait * 1000);
      expect((await login(t.app, src, 'viewer@example.com', `bad-again-${round}`)).status).toBe(401);
    }
    expect(waits).toEqual([15, 30, 60, 120]);
    // Capped at 15 minutes.
    for (let i = 0; i < 6; i++) {
      const r = await login(t.app, src, 'viewer@example.com', RIGHT);
      t.clock.advance(Number(r.headers.get('retry-after')) * 1000);
      await login(t.app, src, 'viewer@example.com', `bad-late-${i}`);
    }
    const capped = await login(t.app, src, 'viewer@example.com', RIGHT);
    expect(capped.status).toBe(429);
    expect(Number(capped.headers.get('retry-after'))).toBe(THROTTLE.PAIR_MAX_MS / 1000);
    t.clock.advance(THROTTLE.PAIR_MAX_MS);
  });

  it('a successful sign-in resets that address’s counter for that account', async () => {
    const src = '203.0.113.9';
    for (let i = 0; i < THROTTLE.PAIR_FREE - 1; i++) {
      expect((await login(t.app, src, 'other@example.com', `typo-${i}`)).status).toBe(401);
    }
    expect((await login(t.app, src, 'other@example.com', RIGHT)).status).toBe(200);
    const { pair } = throttleKeys('other@example.com', src);
    const rows = await t.deps.db.select().from(signInThrottle);
    expect(rows.some((r) => r.key === pair)).toBe(false);
    // Counting starts again: PAIR_FREE - 1 more typos are all answered 401, none refused.
    for (let i = 0; i < THROTTLE.PAIR_FREE - 1; i++) {
      expect((await login(t.app, src, 'other@example.com', `typo2-${i}`)).status).toBe(401);
    }
    expect((await login(t.app, src, 'other@example.com', RIGHT)).status).toBe(200);
  });

  it('limits one address across many accounts (spraying), and a success there does not reset it', async () => {
    const src = '203.0.113.10';
    for (let i = 0; i < THROTTLE.SOURCE_LIMIT; i++) {
      // A different (mostly unknown) email each time: the per-pair delay never starts.
      expect((await login(t.app, src, `user${i}@spray.example`, 'password1')).status).toBe(401);
    }
    const refused = await login(t.app, src, 'demo@example.com', RIGHT);
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(THROTTLE.SOURCE_WINDOW_MS / 1000);
    // Other addresses are not affected.
    expect((await login(t.app, '198.51.100.21', 'demo@example.com', RIGHT)).status).toBe(200);
    t.clock.advance(wait * 1000);
    expect((await login(t.app, src, 'demo@example.com', RIGHT)).status).toBe(200);
  });

  it('does not tell an unknown email from a wrong password while throttling', async () => {
    const src = '203.0.113.11';
    const statuses = async (email: string) => {
      const out: number[] = [];
      for (let i = 0; i < THROTTLE.PAIR_FREE + 2; i++) out.push((await login(t.app, src, email, 'nope')).status);
      return out;
    };
    expect(await statuses('ghost@example.com')).toEqual(await statuses('other@example.com'));
    t.clock.advance(THROTTLE.PAIR_MAX_MS);
  });

  it('forgets expired entries: rows past their expiry are purged', async () => {
    const src = '203.0.113.12';
    await login(t.app, src, 'old@example.com', 'nope');
    const { pair, source } = throttleKeys('old@example.com', src);
    const keys = async () =>
      (await t.deps.db.select({ key: signInThrottle.key }).from(signInThrottle)).map((r) => r.key);
    expect(await keys()).toEqual(expect.arrayContaining([pair, source]));
    t.clock.advance(THROTTLE.PAIR_FORGET_MS + 1000);
    // Any later failure purges what has expired (from every address).
    await login(t.app, '203.0.113.13', 'someone@example.com', 'nope');
    const left = await keys();
    expect(left).not.toContain(pair);
    expect(left).not.toContain(source);
    const { pair: fresh } = throttleKeys('someone@example.com', '203.0.113.13');
    expect(left).toContain(fresh);
  });
});

describe('sign-in throttling is shared by instances on one database', () => {
  it('failures on instance A count on instance B (two app objects, one database)', async () => {
    // A second app object with its own database connection(s) (PostgreSQL) or the same embedded one.
    let dbB = t.deps.db;
    if (t.testDb.url) {
      second = await createDb({ databaseUrl: t.testDb.url, poolSize: 2, migrate: false });
      dbB = second.db;
    }
    const a = t.app;
    const b = createApp({ ...t.deps, db: dbB });
    const src = '203.0.113.14';
    for (let i = 0; i < THROTTLE.PAIR_FREE; i++) {
      // Alternate instances, as a load balancer would.
      expect((await login(i % 2 ? b : a, src, 'viewer@example.com', `x-${i}`)).status).toBe(401);
    }
    const onB = await login(b, src, 'viewer@example.com', RIGHT);
    expect(onB.status).toBe(429);
    expect((await login(a, src, 'viewer@example.com', RIGHT)).status).toBe(429);
    // And the real user elsewhere signs in on either.
    expect((await login(b, '198.51.100.22', 'viewer@example.com', RIGHT)).status).toBe(200);
  });
});
