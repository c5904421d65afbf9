import { accounts, sessions } from '@idv/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { SESSION_SNAPSHOT_TTL_MS, SessionSnapshots } from '../src/http/session-snapshots.ts';
import type { SessionRow } from '../src/repositories/auth.ts';
import { createTestApp, json, type TestApp, useTestApp } from './harness.ts';

// Issue 15: the session, its user, any impersonation and the account acted on are read in one
// prepared statement per request, and /me, /packs and /account answer from that account row. These
// tests pin what that must not change: the row is per request (never reused), it is the account the
// request acts on (never the one an expired impersonation pointed at), and sessions end as before.
const t = useTestApp();

const REASON = 'Customer asked why the balance on the account page looks stale.';
type Account = { balances: { cash: string; available: string }; status: string };
type Me = { account: { id: string; name: string } | null; impersonation: unknown; clock: { now: string } };

/** R2.4: /account and /packs show a purchase made by the previous request (no stale account row). */
async function purchaseIsSeenAtOnce(app: TestApp, key: string): Promise<void> {
  const owner = await app.login('demo@example.com');
  const before = await json<Account>(await owner.get('/api/v1/account'));
  const packsBefore = await json<{ items: unknown[] }>(await owner.get('/api/v1/packs?limit=100'));
  const order = await owner.post(
    '/api/v1/orders',
    { label: 'basic.selfie', size: 1000, quantity: 1 },
    { 'idempotency-key': key },
  );
  expect(order.status).toBe(201);
  const after = await json<Account>(await owner.get('/api/v1/account'));
  expect(after.balances.available).not.toBe(before.balances.available);
  const packsAfter = await json<{ items: unknown[] }>(await owner.get('/api/v1/packs?limit=100'));
  expect(packsAfter.items.length).toBe(packsBefore.items.length + 1);
}

/** R9.1 a session used once (`first`), then idle past its limit, is ended and refused. */
async function idleSessionRefused(app: TestApp, first: string): Promise<void> {
  const viewer = await app.login('viewer@example.com');
  expect((await viewer.get(first)).status).toBe(200);
  app.clock.advance(app.deps.config.sessionIdleMs + 1);
  expect((await viewer.get('/api/v1/packs')).status).toBe(401);
  expect((await viewer.get('/api/v1/me')).status).toBe(401);
}

describe('issue 15 read path: one statement per request, nothing kept between requests', () => {
  it('R2.4 /account and /packs show a purchase made by the previous request (no stale account row)', () =>
    purchaseIsSeenAtOnce(t, 'read-path-order-1'));

  it('R9.1 an account renamed between two requests is shown renamed by /me on the next one', async () => {
    const owner = await t.login('demo@example.com');
    const me = await json<Me>(await owner.get('/api/v1/me'));
    await t.deps.db.update(accounts).set({ name: 'Renamed for issue 15' }).where(eq(accounts.id, 'acct_demo'));
    const again = await json<Me>(await owner.get('/api/v1/me'));
    expect(again.account?.name).toBe('Renamed for issue 15');
    await t.deps.db
      .update(accounts)
      .set({ name: me.account?.name ?? '' })
      .where(eq(accounts.id, 'acct_demo'));
  });

  it('R9.2 past its expiry, an impersonation no longer supplies the account, though the joined row still names it', async () => {
    const agent = await t.login('agent@example.com');
    const start = await agent.post('/api/v1/staff/impersonations', { accountId: 'acct_demo', reason: REASON });
    expect(start.status).toBe(201);
    expect((await json<Me>(await agent.get('/api/v1/me'))).account?.id).toBe('acct_demo');
    t.clock.advance(60 * 60_000 + 1);
    const me = await json<Me>(await agent.get('/api/v1/me'));
    expect(me.impersonation).toBeNull();
    expect(me.account).toBeNull();
    expect((await agent.get('/api/v1/account')).status).toBe(403);
    expect((await agent.get('/api/v1/packs')).status).toBe(403);
    await agent.delete('/api/v1/staff/impersonations/current');
  });

  it('R9.1 a session past its idle limit is ended and refused, as before', () => idleSessionRefused(t, '/api/v1/me'));

  it('R9.1 a session deleted in the database (signed out elsewhere) is refused on the next request', async () => {
    const owner = await t.login('demo@example.com');
    expect((await owner.get('/api/v1/me')).status).toBe(200);
    await t.deps.db.delete(sessions);
    expect((await owner.get('/api/v1/me')).status).toBe(401);
    expect((await owner.get('/api/v1/account')).status).toBe(401);
  });
});

// docs/decisions/0019: the server process gives signed-in GETs session snapshots (≤ 1 s old, dropped by
// every write through the API on any instance). What a snapshot must never change: the limits and
// the impersonation expiry are checked against the clock on every request; a write on this instance
// is seen by the next request; /account's figures are never from a snapshot; a change made behind
// the API's back (another instance whose notification was lost) is seen within the TTL.
describe('issue 15 read path with session snapshots (docs/decisions/0019)', () => {
  let s: TestApp;
  /** A second instance on the same database with the server's TTL, for the bound. */
  let bounded: ReturnType<typeof createApp>;
  beforeAll(async () => {
    // A TTL far longer than any test: what these tests see fresh is not the TTL's doing.
    s = await createTestApp({ app: { sessionSnapshots: new SessionSnapshots(600_000) } });
    bounded = createApp(s.deps, { sessionSnapshots: new SessionSnapshots(SESSION_SNAPSHOT_TTL_MS) });
  }, 240_000);
  afterAll(async () => s?.close());

  it('R9.1 a session deleted behind the API is served from the snapshot at most one TTL, then refused', async () => {
    const signIn = await bounded.request('http://localhost/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'demo@example.com', password: 'demo-pass-2026' }),
    });
    const cookie = /sid=[^;]+/.exec(signIn.headers.get('set-cookie') ?? '')?.[0] ?? '';
    const owner = { get: (path: string) => bounded.request(`http://localhost${path}`, { headers: { cookie } }) };
    expect((await owner.get('/api/v1/me')).status).toBe(200);
    const deleted = performance.now();
    await s.deps.db.delete(sessions);
    let status = 200;
    while (status === 200 && performance.now() - deleted < SESSION_SNAPSHOT_TTL_MS + 2_000) {
      status = (await owner.get('/api/v1/me')).status;
      if (status === 200) await new Promise((ok) => setTimeout(ok, 20));
    }
    expect(status).toBe(401);
    expect(performance.now() - deleted).toBeLessThan(SESSION_SNAPSHOT_TTL_MS + 2_000);
    expect((await owner.get('/api/v1/packs')).status).toBe(401);
  });

  it('R9.1 a sign-out on this instance is refused by the very next GET', async () => {
    const owner = await s.login('demo@example.com');
    expect((await owner.get('/api/v1/me')).status).toBe(200);
    expect((await owner.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await owner.get('/api/v1/me')).status).toBe(401);
    expect((await owner.get('/api/v1/packs')).status).toBe(401);
  });

  it('R9.1 the idle limit holds against a snapshot: past it, the session is ended and refused', () =>
    idleSessionRefused(s, '/api/v1/packs'));

  it('R9.2 an impersonation past its expiry no longer supplies the account, from the snapshot too', async () => {
    const agent = await s.login('agent@example.com');
    const start = await agent.post('/api/v1/staff/impersonations', { accountId: 'acct_demo', reason: REASON });
    expect(start.status).toBe(201);
    expect((await json<Me>(await agent.get('/api/v1/me'))).account?.id).toBe('acct_demo');
    expect((await agent.get('/api/v1/packs')).status).toBe(200);
    s.clock.advance(60 * 60_000 + 1);
    const me = await json<Me>(await agent.get('/api/v1/me'));
    expect(me.impersonation).toBeNull();
    expect(me.account).toBeNull();
    expect((await agent.get('/api/v1/packs')).status).toBe(403);
    await agent.delete('/api/v1/staff/impersonations/current');
  });

  it('R9.2 an impersonation stopped on this instance is gone on the very next GET', async () => {
    const agent = await s.login('agent@example.com');
    expect((await agent.post('/api/v1/staff/impersonations', { accountId: 'acct_demo', reason: REASON })).status).toBe(
      201,
    );
    expect((await agent.get('/api/v1/packs')).status).toBe(200);
    expect((await agent.delete('/api/v1/staff/impersonations/current')).status).toBe(204);
    expect((await agent.get('/api/v1/packs')).status).toBe(403);
    expect((await json<Me>(await agent.get('/api/v1/me'))).impersonation).toBeNull();
  });

  it('R2.4 /account and /packs show a purchase made by the previous request', () =>
    purchaseIsSeenAtOnce(s, 'read-path-snapshot-order-1'));

  it('R2.4 /account never answers from a snapshot: a change behind the API shows at once', async () => {
    const owner = await s.login('demo@example.com');
    const name = (await json<{ name: string }>(await owner.get('/api/v1/account'))).name;
    await owner.get('/api/v1/me');
    await s.deps.db.update(accounts).set({ name: 'Renamed behind the API' }).where(eq(accounts.id, 'acct_demo'));
    expect((await json<{ name: string }>(await owner.get('/api/v1/account'))).name).toBe('Renamed behind the API');
    await s.deps.db.update(accounts).set({ name }).where(eq(accounts.id, 'acct_demo'));
  });

  it('R9.3 the clock is never cached: /me tells the time of each request', async () => {
    const owner = await s.login('demo@example.com');
    const first = (await json<Me>(await owner.get('/api/v1/me'))).clock.now;
    s.clock.advance(5 * 60_000);
    const second = (await json<Me>(await owner.get('/api/v1/me'))).clock.now;
    expect(new Date(second).getTime() - new Date(first).getTime()).toBe(5 * 60_000);
  });
});

describe('SessionSnapshots', () => {
  const row = {} as SessionRow;
  it('keeps a row for its TTL, and not one read before an invalidation', async () => {
    const snaps = new SessionSnapshots(50);
    const gen = snaps.generation;
    snaps.set('t1', 'id1', row, gen, performance.now());
    expect(snaps.get('t1')?.sessionId).toBe('id1');
    // A load that began before an invalidation must not store what it read.
    const racing = snaps.generation;
    snaps.invalidate();
    snaps.set('t2', 'id2', row, racing, performance.now());
    expect(snaps.get('t1')).toBeNull();
    expect(snaps.get('t2')).toBeNull();
    snaps.set('t3', 'id3', row, snaps.generation, performance.now());
    expect(snaps.get('t3')).not.toBeNull();
    await new Promise((ok) => setTimeout(ok, 60));
    expect(snaps.get('t3')).toBeNull();
  });

  it('announces every write, coalescing a burst to one notification in flight and one after it', async () => {
    let sent = 0;
    let release: () => void = () => {};
    const snaps = new SessionSnapshots(1_000, async () => {
      sent++;
      await new Promise<void>((ok) => {
        release = ok;
      });
    });
    snaps.written(() => {});
    snaps.written(() => {});
    snaps.written(() => {});
    expect(sent).toBe(1);
    release();
    await new Promise((ok) => setTimeout(ok, 0));
    expect(sent).toBe(2);
    release();
    await new Promise((ok) => setTimeout(ok, 0));
    expect(sent).toBe(2);
  });
});
