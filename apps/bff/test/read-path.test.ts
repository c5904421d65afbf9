import { accounts, sessions } from '@idv/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from './harness.ts';

// Issue 15: the session, its user, any impersonation and the account acted on are read in one
// prepared statement per request, and /me, /packs and /account answer from that account row. These
// tests pin what that must not change: the row is per request (never reused), it is the account the
// request acts on (never the one an expired impersonation pointed at), and sessions end as before.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const REASON = 'Customer asked why the balance on the account page looks stale.';
type Account = { balances: { cash: string; available: string }; status: string };
type Me = { account: { id: string; name: string } | null; impersonation: unknown; clock: { now: string } };

describe('issue 15 read path: one statement per request, nothing kept between requests', () => {
  it('R2.4 /account and /packs show a purchase made by the previous request (no stale account row)', async () => {
    const owner = await t.login('demo@example.com');
    const before = await json<Account>(await owner.get('/api/v1/account'));
    const packsBefore = await json<{ items: unknown[] }>(await owner.get('/api/v1/packs?limit=100'));
    const order = await owner.post(
      '/api/v1/orders',
      { label: 'basic.selfie', size: 1000, quantity: 1 },
      { 'idempotency-key': 'read-path-order-1' },
    );
    expect(order.status).toBe(201);
    const after = await json<Account>(await owner.get('/api/v1/account'));
    expect(after.balances.available).not.toBe(before.balances.available);
    const packsAfter = await json<{ items: unknown[] }>(await owner.get('/api/v1/packs?limit=100'));
    expect(packsAfter.items.length).toBe(packsBefore.items.length + 1);
  });

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

  it('R9.1 a session past its idle limit is ended and refused, as before', async () => {
    const viewer = await t.login('viewer@example.com');
    expect((await viewer.get('/api/v1/me')).status).toBe(200);
    t.clock.advance(t.deps.config.sessionIdleMs + 1);
    expect((await viewer.get('/api/v1/packs')).status).toBe(401);
    expect((await viewer.get('/api/v1/me')).status).toBe(401);
  });

  it('R9.1 a session deleted in the database (signed out elsewhere) is refused on the next request', async () => {
    const owner = await t.login('demo@example.com');
    expect((await owner.get('/api/v1/me')).status).toBe(200);
    await t.deps.db.delete(sessions);
    expect((await owner.get('/api/v1/me')).status).toBe(401);
    expect((await owner.get('/api/v1/account')).status).toBe(401);
  });
});
