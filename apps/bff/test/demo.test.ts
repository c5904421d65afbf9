import { accounts, rows, usageEvents } from '@idv/db';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { json, useTestApp } from './harness.ts';
import { addPack, cst, type Ev, ev, ingest as ingestBatch, packRow } from './usage-fixtures.ts';

const t = useTestApp({ config: { trialGrantDelayMs: 30 * 60_000 } });

type Created = {
  accountId: string;
  customer: { email: string; password: string };
  serviceKey: string;
  resources: { id: string; alias: string }[];
  clock: { now: string; simulated: boolean };
};

async function createTenant(scenario: 'empty' | 'rich', startAt = '2026-11-20T10:00:00+08:00'): Promise<Created> {
  const pm = await t.login('pm@example.com');
  const res = await pm.post('/api/v1/demo/tenants', { scenario, startAt });
  expect(res.status).toBe(201);
  return json<Created>(res);
}

const ingest = (key: string, events: readonly Ev[]) => ingestBatch(t, key, events);

describe('R9.3 demo tenants', () => {
  it('R9.3 only product managers create tenants', async () => {
    for (const email of ['demo@example.com', 'agent@example.com']) {
      const c = await t.login(email);
      expect((await c.post('/api/v1/demo/tenants', { scenario: 'empty' })).status).toBe(403);
    }
    expect((await t.anon.post('/api/v1/demo/tenants', { scenario: 'empty' })).status).toBe(401);
  });

  it('R9.3 an empty tenant starts at startAt; its customer signs in and sees the simulated clock', async () => {
    const tenant = await createTenant('empty');
    expect(tenant.resources.length).toBeGreaterThanOrEqual(1);
    expect(tenant.serviceKey).toMatch(/^idv_sk_/);
    expect(tenant.clock).toEqual({ now: '2026-11-20T10:00:00+08:00', simulated: true });
    const customer = await t.login(tenant.customer.email, tenant.customer.password);
    const me = await json<{ clock: { now: string; simulated: boolean }; account: { id: string } }>(
      await customer.get('/api/v1/me'),
    );
    expect(me.account.id).toBe(tenant.accountId);
    expect(me.clock).toEqual({ now: '2026-11-20T10:00:00+08:00', simulated: true });
    // R3.4 the free trial lands after the grant delay, as the clock moves.
    const before = await json<{ items: unknown[] }>(await customer.get('/api/v1/packs'));
    expect(before.items).toHaveLength(0);
    const moved = await customer.post(`/api/v1/demo/tenants/${tenant.accountId}/clock`, { advanceBy: 'PT1H' });
    expect(moved.status).toBe(200);
    const after = await json<{ items: { source: string; total: number }[] }>(
      await customer.get('/api/v1/packs?limit=200'),
    );
    expect(after.items.length).toBeGreaterThan(5);
    expect(after.items.every((p) => p.source === 'gift' && p.total === 100)).toBe(true);
  });

  it('R9.3 advancing to the next settlement bills the postpaid calls of the day, dated at 08:00', async () => {
    const tenant = await createTenant('empty');
    const res = tenant.resources[0]?.id ?? '';
    const events = Array.from({ length: 10 }, (_, i) => ev(`e${i}`, 'risk.face', res, '2026-11-20T09:30:00+08:00'));
    const r = await ingest(tenant.serviceKey, events);
    expect(r.status).toBe(200);
    const pm = await t.login('pm@example.com');
    const moved = await json<{ now: string; happened: { kind: string; at: string }[] }>(
      await pm.post(`/api/v1/demo/tenants/${tenant.accountId}/clock`, { to: 'next-settlement' }),
    );
    expect(moved.now).toBe('2026-11-21T08:00:00+08:00');
    expect(moved.happened.some((h) => /settle/.test(h.kind) && h.at === '2026-11-21T08:00:00+08:00')).toBe(true);
    const customer = await t.login(tenant.customer.email, tenant.customer.password);
    const items = await json<{ items: { transactionType: string; amount: string; quantity: number }[] }>(
      await customer.get('/api/v1/bills/items?month=2026-11&transactionType=daily_settlement'),
    );
    expect(items.items).toEqual([
      expect.objectContaining({ transactionType: 'daily_settlement', quantity: 10, amount: '0.04' }),
    ]);
    // R4.6 the settled day now refuses late events.
    const late = await json<{ outcomes: { outcome: string; code?: string }[] }>(
      await ingest(tenant.serviceKey, [ev('late', 'risk.face', res, '2026-11-20T09:30:00+08:00')]),
    );
    expect(late.outcomes[0]).toMatchObject({ outcome: 'rejected', code: 'DAY_SETTLED' });
  });

  it('R9.3 R4.2 injected calls made before a pack expires are deducted from it, as in real time; later ones are not', async () => {
    const tenant = await createTenant('empty');
    const res = tenant.resources[0]?.id ?? '';
    // A gift pack of a label without a free trial, expiring at 10:30 CST (the tenant's clock is at 10:00).
    const pack = await addPack(t, tenant.accountId, {
      label: 'identity.basic',
      total: 100,
      source: 'gift',
      acquiredAt: cst('2025-11-20T10:30:00'),
      expiresAt: cst('2026-11-20T10:30:00'),
    });
    const pm = await t.login('pm@example.com');
    // 96 calls a day: one every 15 minutes, at 10:07:30, 10:22:30, 10:37:30 and 10:52:30 in this hour.
    const moved = await pm.post(`/api/v1/demo/tenants/${tenant.accountId}/clock`, {
      advanceBy: 'PT1H',
      usage: [{ label: 'identity.basic', resourceId: res, callsPerDay: 96 }],
    });
    expect(moved.status).toBe(200);
    const body = await json<{ now: string; happened: { kind: string; at: string; summary: string }[] }>(moved);
    expect(body.now).toBe('2026-11-20T11:00:00+08:00');
    // The move stopped at the expiry: the two calls before it reached the pack while it was active.
    expect(body.happened.filter((h) => h.kind === 'usage_injected').map((h) => [h.at, h.summary])).toEqual([
      ['2026-11-20T10:30:00+08:00', '2 calls injected: 2 pack'],
      ['2026-11-20T11:00:00+08:00', '2 calls injected: 2 postpaid'],
    ]);
    expect(await packRow(t, pack)).toMatchObject({ used: 2, status: 'expired' });
    const stored = await t.deps.db
      .select({ at: usageEvents.occurredAt, outcome: usageEvents.outcome, packId: usageEvents.packId })
      .from(usageEvents)
      .where(eq(usageEvents.accountId, tenant.accountId))
      .orderBy(usageEvents.occurredAt);
    expect(stored.map((e) => [e.at.toISOString(), e.outcome, e.packId])).toEqual([
      ['2026-11-20T02:07:30.000Z', 'pack', pack],
      ['2026-11-20T02:22:30.000Z', 'pack', pack],
      ['2026-11-20T02:37:30.000Z', 'postpaid', null],
      ['2026-11-20T02:52:30.000Z', 'postpaid', null],
    ]);
  });

  it('R9.3 a demo clock never goes backwards', async () => {
    const tenant = await createTenant('empty');
    const pm = await t.login('pm@example.com');
    const res = await pm.post(`/api/v1/demo/tenants/${tenant.accountId}/clock`, {
      advanceTo: '2026-11-19T10:00:00+08:00',
    });
    expect(res.status).toBe(409);
    expect((await json(res)).code).toBe('CLOCK_BACKWARDS');
    const bad = await pm.post(`/api/v1/demo/tenants/${tenant.accountId}/clock`, { advanceBy: 'tomorrow' });
    expect(bad.status).toBe(400);
  });

  it('R9.3 a demo clock can never be attached to or affect a real account', async () => {
    const pm = await t.login('pm@example.com');
    const res = await pm.post('/api/v1/demo/tenants/acct_demo/clock', { advanceBy: 'P1D' });
    expect(res.status).toBe(404);
    expect((await pm.delete('/api/v1/demo/tenants/acct_demo')).status).toBe(404);
    expect((await pm.post('/api/v1/demo/tenants/acct_demo/reset')).status).toBe(404);
    const [real] = await t.deps.db.select().from(accounts).where(eq(accounts.id, 'acct_demo'));
    expect(real?.simulatedNow).toBeNull();
    // The database itself refuses a simulated clock on a non-demo account.
    await expect(
      t.deps.db.update(accounts).set({ simulatedNow: new Date() }).where(eq(accounts.id, 'acct_demo')),
    ).rejects.toThrow();
    // A tenant's customer cannot drive another tenant's clock.
    const a = await createTenant('empty');
    const b = await createTenant('empty');
    const customerA = await t.login(a.customer.email, a.customer.password);
    expect((await customerA.post(`/api/v1/demo/tenants/${b.accountId}/clock`, { advanceBy: 'P1D' })).status).toBe(403);
  });

  it('R9.3 tenants are isolated: one tenant cannot see another tenant or the real accounts', async () => {
    const a = await createTenant('empty');
    const b = await createTenant('empty');
    const pm = await t.login('pm@example.com');
    await pm.post(`/api/v1/demo/tenants/${b.accountId}/clock`, { advanceBy: 'PT1H' });
    const customerA = await t.login(a.customer.email, a.customer.password);
    const customerB = await t.login(b.customer.email, b.customer.password);
    const bPacks = await json<{ items: { id: string }[] }>(await customerB.get('/api/v1/packs'));
    const first = bPacks.items[0];
    expect(first).toBeDefined();
    expect((await customerA.get(`/api/v1/packs/${first?.id}`)).status).toBe(404);
    // A's key cannot report usage for B's resource.
    const r = await json<{ outcomes: { code?: string }[] }>(
      await ingest(a.serviceKey, [ev('x', 'risk.face', b.resources[0]?.id ?? '', '2026-11-20T10:00:00+08:00')]),
    );
    expect(r.outcomes[0]?.code).toBe('UNKNOWN_RESOURCE');
  });

  it('R9.3 deleting a tenant removes all its rows', async () => {
    const tenant = await createTenant('empty');
    const pm = await t.login('pm@example.com');
    await ingest(tenant.serviceKey, [
      ev('d1', 'risk.face', tenant.resources[0]?.id ?? '', '2026-11-20T10:00:00+08:00'),
    ]);
    await pm.post(`/api/v1/demo/tenants/${tenant.accountId}/clock`, { advanceBy: 'P2D' });
    const customer = await t.login(tenant.customer.email, tenant.customer.password);
    await customer.get('/api/v1/packs');
    expect((await pm.delete(`/api/v1/demo/tenants/${tenant.accountId}`)).status).toBe(204);
    const tables = await rows<{ table_name: string }>(
      t.deps.db,
      sql`select table_name from information_schema.columns
          where column_name = 'account_id' and table_schema = 'public'`,
    );
    expect(tables.length).toBeGreaterThan(10);
    for (const { table_name } of tables) {
      const [r] = await rows<{ n: string | number }>(
        t.deps.db,
        sql`select count(*) as n from ${sql.identifier(table_name)} where account_id = ${tenant.accountId}`,
      );
      expect(`${table_name}:${r?.n}`).toBe(`${table_name}:0`);
    }
    const [left] = await rows<{ n: string | number }>(
      t.deps.db,
      sql`select count(*) as n from job_runs where scope like ${`${tenant.accountId}%`}`,
    );
    expect(Number(left?.n)).toBe(0);
    expect((await t.anon.post('/api/v1/auth/login', tenant.customer)).status).toBe(401);
  });
});
