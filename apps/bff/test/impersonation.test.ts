import { describe, expect, it } from 'vitest';
import { json, useTestApp } from './harness.ts';

const t = useTestApp();

const REASON = 'Customer called about a pack that shows the wrong remaining count.';

describe('R9.2 support impersonation', () => {
  it('finds the demo customer by email', async () => {
    const agent = await t.login('agent@example.com');
    const res = await agent.get('/api/v1/staff/accounts?q=demo@example');
    expect(res.status).toBe(200);
    const list = await json<{ items: { id: string }[] }>(res);
    expect(list.items.map((a) => a.id)).toEqual(['acct_demo']);
  });

  it('refuses account search and impersonation to customers', async () => {
    const demo = await t.login('demo@example.com');
    expect((await demo.get('/api/v1/staff/accounts')).status).toBe(403);
    const res = await demo.post('/api/v1/staff/impersonations', { accountId: 'acct_other', reason: REASON });
    expect(res.status).toBe(403);
  });

  it('requires a reason of at least a sentence', async () => {
    const agent = await t.login('agent@example.com');
    const res = await agent.post('/api/v1/staff/impersonations', { accountId: 'acct_demo', reason: 'help' });
    expect(res.status).toBe(400);
    const p = await json<{ errors: { path: string }[] }>(res);
    expect(p.errors.map((e) => e.path)).toContain('reason');
  });

  it('answers 404 for an unknown account', async () => {
    const agent = await t.login('agent@example.com');
    const res = await agent.post('/api/v1/staff/impersonations', { accountId: 'acct_nope', reason: REASON });
    expect(res.status).toBe(404);
  });

  it('is read-only by default, shows the customer data, audits every action, and ends on stop', async () => {
    const agent = await t.login('agent@example.com');
    const since = t.clock.now().getTime();
    const start = await agent.post('/api/v1/staff/impersonations', { accountId: 'acct_demo', reason: REASON });
    expect(start.status).toBe(201);
    const started = await json<{ expiresAt: string; write: boolean }>(start);
    expect(started.write).toBe(false);

    const me = await json<{ account: { id: string }; impersonation: { reason: string; write: boolean } }>(
      await agent.get('/api/v1/me'),
    );
    expect(me.account.id).toBe('acct_demo');
    expect(me.impersonation).toMatchObject({ reason: REASON, write: false });
    const packs = await agent.get('/api/v1/packs');
    expect(packs.status).toBe(200);

    // The customer sees the access in their own audit log, with the reason.
    const demo = await t.login('demo@example.com');
    const log = await json<{ items: { at: string; action: string; reason: string; actor: { id: string } }[] }>(
      await demo.get('/api/v1/audit?limit=200'),
    );
    // The seeded history's own entries (the owner's orders and refund, R9.2) are older than the session.
    const session = log.items.filter((e) => new Date(e.at).getTime() >= since);
    const actions = session.map((e) => e.action);
    expect(actions).toContain('impersonation.start');
    expect(actions).toContain('GET /api/v1/packs');
    expect(session.every((e) => e.actor.id === 'usr_agent' && e.reason === REASON)).toBe(true);

    expect((await agent.delete('/api/v1/staff/impersonations/current')).status).toBe(204);
    const after = await json<{ account: unknown; impersonation: unknown }>(await agent.get('/api/v1/me'));
    expect(after.account).toBeNull();
    expect(after.impersonation).toBeNull();
    const log2 = await json<{ items: { action: string }[] }>(await demo.get('/api/v1/audit?limit=200'));
    expect(log2.items[0]?.action).toBe('impersonation.stop');
  });

  it('expires after 60 minutes on the injected clock', async () => {
    const agent = await t.login('agent@example.com');
    await agent.post('/api/v1/staff/impersonations', { accountId: 'acct_demo', reason: REASON, write: true });
    t.clock.advance(59 * 60_000);
    expect((await agent.get('/api/v1/packs')).status).toBe(200);
    t.clock.advance(60_001);
    const res = await agent.get('/api/v1/packs');
    expect(res.status).toBe(403);
    const me = await json<{ account: unknown; impersonation: unknown }>(await agent.get('/api/v1/me'));
    expect(me.impersonation).toBeNull();
    // R9.2 the customer's access log says the session expired, at its limit, in write mode.
    const demo = await t.login('demo@example.com');
    const log = await json<{
      items: { session: { write: boolean; ended: string; endedAt: string; expiresAt: string } | null }[];
    }>(await demo.get('/api/v1/audit?limit=5'));
    const s = log.items.find((e) => e.session?.write)?.session;
    expect(s?.ended).toBe('expired');
    expect(s?.endedAt).toBe(s?.expiresAt);
  });

  it("does not leak into another account's audit log", async () => {
    const other = await t.login('other@example.com');
    const log = await json<{ items: { accountId: string; action: string; actor: { id: string } }[] }>(
      await other.get('/api/v1/audit'),
    );
    // Only the other owner's own seeded order (R9.2), nothing of the demo account's support session.
    expect(log.items.map((e) => [e.accountId, e.actor.id, e.action])).toEqual([
      ['acct_other', 'usr_other', 'order.place'],
    ]);
  });
  it('R9.2 the reason rule fits Chinese: a natural 13-character Chinese reason is accepted, 7 characters are not (a Chinese character counts 2, minimum 15)', async () => {
    const agent = await t.login('agent@example.com');
    const short = await agent.post('/api/v1/staff/impersonations', {
      accountId: 'acct_demo',
      reason: '核对资源包余量',
    });
    expect(short.status).toBe(400);
    expect((await json<{ errors: { path: string }[] }>(short)).errors.map((e) => e.path)).toContain('reason');
    const latinShort = await agent.post('/api/v1/staff/impersonations', {
      accountId: 'acct_demo',
      reason: '14 characters!',
    });
    expect(latinShort.status).toBe(400);
    const ok = await agent.post('/api/v1/staff/impersonations', {
      accountId: 'acct_demo',
      reason: '客户来电询问账单为何翻倍了',
    });
    expect(ok.status).toBe(201);
    expect((await agent.delete('/api/v1/staff/impersonations/current')).status).toBe(204);
  });

  it('R9.2 a read-only session is told the SESSION is read-only (not its role); the access log shows the session, its mode, ticket, how it ended and the refused write', async () => {
    const agent = await t.login('agent@example.com');
    const start = await agent.post('/api/v1/staff/impersonations', {
      accountId: 'acct_demo',
      reason: 'Customer asks why the bill doubled this month.',
      ticket: 'T-1701',
    });
    expect(start.status).toBe(201);
    const refused = await agent.post('/api/v1/account/recharge', { amount: '10.00' });
    expect(refused.status).toBe(403);
    const problem = await json<{ code: string; detail: string }>(refused);
    expect(problem.code).toBe('READ_ONLY_IMPERSONATION');
    expect(problem.detail).toMatch(/support session is read-only/);
    expect(problem.detail).not.toMatch(/role/i);

    const demo = await t.login('demo@example.com');
    type Entry = {
      action: string;
      outcome: string;
      impersonationId: string | null;
      session: { reason: string; ticket: string | null; write: boolean; ended: string; endedAt: string | null } | null;
    };
    const active = (await json<{ items: Entry[] }>(await demo.get('/api/v1/audit?limit=200'))).items.filter(
      (e) => e.session?.ticket === 'T-1701',
    );
    expect(active.length).toBeGreaterThanOrEqual(2);
    expect(active[0]?.session).toMatchObject({ write: false, ended: 'active', endedAt: null });
    expect(active.find((e) => e.action === 'POST /api/v1/account/recharge')?.outcome).toBe('refused');

    expect((await agent.delete('/api/v1/staff/impersonations/current')).status).toBe(204);
    const stopped = (await json<{ items: Entry[] }>(await demo.get('/api/v1/audit?limit=200'))).items.filter(
      (e) => e.session?.ticket === 'T-1701',
    );
    expect(stopped.every((e) => e.session?.ended === 'stopped' && e.session.endedAt !== null)).toBe(true);
    // Entries outside a session carry no session.
    const all = (await json<{ items: Entry[] }>(await demo.get('/api/v1/audit?limit=200'))).items;
    expect(all.filter((e) => !e.impersonationId).every((e) => e.session === null)).toBe(true);
  });
});
