import { accounts, auditLog } from '@idv/db';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { runAccountJobs } from '../src/jobs/scheduler.ts';
import { allPages, json, useTestApp } from './harness.ts';
import { buy, customer, refund } from './money-fixtures.ts';
import { cst, ev, ingestOk } from './usage-fixtures.ts';

type Item = { kind: string; at: string; id: string; what: string; amount: string | null };
type Page = { items: Item[]; nextCursor: string | null };

const t = useTestApp();

describe('support timeline (issue 18)', () => {
  it('lists orders, refunds, settlements, notices, sign-ins and actions newest first, filterable and paginated', async () => {
    const a = await customer(t, { balances: { cash: '1000.00' }, settledThrough: '2026-11-19' });
    const o = await buy(a.c, { label: 'basic.selfie', size: 1000, quantity: 1 });
    expect((await refund(a.c, o.packs[0]?.id ?? '')).status).toBe(201);
    await ingestOk(t, a.key, [ev('x1', 'basic.selfie', `res-${a.id}-a`, '2026-11-20T09:00:00+08:00')]);
    await runAccountJobs(t.deps, a.id, cst('2026-11-21T08:30:00'));

    const all = await json<Page>(await a.c.get('/api/v1/timeline?limit=200'));
    const kinds = new Set(all.items.map((i) => i.kind));
    for (const k of ['order', 'refund', 'settlement', 'notice', 'signin', 'action']) expect(kinds.has(k), k).toBe(true);
    expect(all.items.find((i) => i.kind === 'order')).toMatchObject({
      id: o.id,
      what: 'basic.selfie',
      amount: '145.00',
    });
    expect(all.items.find((i) => i.kind === 'settlement')).toMatchObject({ what: '2026-11-20', amount: '0.15' });
    const times = all.items.map((i) => Date.parse(i.at));
    expect([...times].sort((x, y) => y - x)).toEqual(times);

    const orders = await json<Page>(await a.c.get('/api/v1/timeline?kinds=order,refund'));
    expect(orders.items.map((i) => i.kind).sort()).toEqual(['order', 'refund']);

    // Pages of 2 walk the same items once each.
    const seen = (await allPages<Page>(a.c, '/api/v1/timeline?limit=2')).flatMap((p) =>
      p.items.map((i) => `${i.kind}:${i.id}`),
    );
    expect(seen).toEqual(all.items.map((i) => `${i.kind}:${i.id}`));

    const bad = await a.c.get('/api/v1/timeline?kinds=order,bogus');
    expect(bad.status).toBe(400);
    expect((await json(bad)).code).toBe('INVALID_REQUEST');
  });

  it('the owner and an impersonating agent see it (staff access included); a viewer gets 403', async () => {
    const viewer = await t.login('viewer@example.com');
    expect((await viewer.get('/api/v1/timeline')).status).toBe(403);
    const agent = await t.login('agent@example.com');
    const started = await agent.post('/api/v1/staff/impersonations', {
      accountId: 'acct_demo',
      reason: 'Customer asked what happened to their account last week.',
    });
    expect(started.status).toBe(201);
    const seen = await json<Page>(await agent.get('/api/v1/timeline?kinds=staff'));
    expect(seen.items.map((i) => i.what)).toContain('impersonation.start');
    const owner = await t.login('demo@example.com');
    const mine = await json<Page>(await owner.get('/api/v1/timeline?kinds=staff'));
    expect(mine.items.map((i) => i.what)).toContain('impersonation.start');
    expect((await owner.get('/api/v1/timeline')).status).toBe(200);
    const other = await t.login('other@example.com');
    const theirs = await json<Page>(await other.get('/api/v1/timeline?kinds=staff'));
    expect(theirs.items.map((i) => i.what)).not.toContain('impersonation.start');
    await agent.delete('/api/v1/staff/impersonations/current');
  });

  it('R6.3 a resumption is an event of its own, once per arrears episode, with the episode it ended', async () => {
    const a = await customer(t, { balances: { cash: '-10.00' }, status: 'arrears', settledThrough: '2026-11-19' });
    const since = cst('2026-11-20T08:00:00');
    await t.deps.db.update(accounts).set({ arrearsSince: since }).where(eq(accounts.id, a.id));
    const recharge = (amount: string) =>
      a.c.post('/api/v1/account/recharge', { amount }, { 'idempotency-key': `k-${a.id}-${amount}` });
    expect((await recharge('5.00')).status).toBe(200); // still below 0: no resumption
    expect((await json<Page>(await a.c.get('/api/v1/timeline?kinds=resumption'))).items).toEqual([]);
    expect((await recharge('50.00')).status).toBe(200);
    expect((await recharge('20.00')).status).toBe(200); // already active: nothing more
    const got = await json<{ items: (Item & { detail: Record<string, unknown> })[] }>(
      await a.c.get('/api/v1/timeline?kinds=resumption'),
    );
    expect(got.items).toHaveLength(1);
    expect(got.items[0]).toMatchObject({ kind: 'resumption', what: 'service_resumed', amount: null });
    expect(got.items[0]?.detail).toEqual({ arrearsSince: since.toISOString() });
    // It is also in the unfiltered timeline, beside the notice it sent.
    const all = await json<Page>(await a.c.get('/api/v1/timeline?limit=200'));
    expect(all.items.filter((i) => i.kind === 'resumption')).toHaveLength(1);
    expect(all.items.some((i) => i.kind === 'notice' && i.what === 'service_resumed')).toBe(true);
  });

  it('support agents read an account timeline from the staff console without impersonating; the read is audited', async () => {
    const a = await customer(t, { balances: { cash: '1000.00' }, settledThrough: '2026-11-19' });
    const o = await buy(a.c, { label: 'basic.selfie', size: 1000, quantity: 1 });
    const agent = await t.login('agent@example.com');
    const reason = 'Customer called about an order';
    const r = await agent.get(
      `/api/v1/staff/accounts/${a.id}/timeline?kinds=order&reason=${encodeURIComponent(reason)}`,
    );
    expect(r.status).toBe(200);
    const page = await json<Page>(r);
    expect(page.items.map((i) => `${i.kind}:${i.id}`)).toEqual([`order:${o.id}`]);
    const [row] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.accountId, a.id), eq(auditLog.action, `GET /api/v1/staff/accounts/${a.id}/timeline`)));
    expect(row).toMatchObject({ actorKind: 'staff', outcome: 'ok', reason, impersonationId: null });
    // R9.2 the customer sees that support looked, and why.
    const mine = await json<{ items: (Item & { detail: { reason: string } })[] }>(
      await a.c.get('/api/v1/timeline?kinds=staff'),
    );
    expect(mine.items.map((i) => [i.what, i.detail.reason])).toContainEqual([
      `GET /api/v1/staff/accounts/${a.id}/timeline`,
      reason,
    ]);
    // Customers may not use it, not even on their own account; an unknown account is 404; bad kinds 400.
    expect((await a.c.get(`/api/v1/staff/accounts/${a.id}/timeline`)).status).toBe(403);
    expect((await agent.get('/api/v1/staff/accounts/acct_nope/timeline')).status).toBe(404);
    expect((await agent.get(`/api/v1/staff/accounts/${a.id}/timeline?kinds=bogus`)).status).toBe(400);
  });
});
