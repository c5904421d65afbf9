import { notifications, orders } from '@idv/db';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { json, useTestApp } from './harness.ts';
import { newKey } from './money-fixtures.ts';

const t = useTestApp();

type Tenant = { accountId: string; customer: { email: string; password: string }; resources: { id: string }[] };

/**
 * The demo tour (apps/console/src/features/demo/tour.ts) played through the API: the first chapter
 * (buy → use → warning → window → arrears → suspended → recharge), then the R10 chapter: a budget and an
 * auto top-up rule (customer), usage that crosses the rule, a quiet week, a spike. Each R10 notice the
 * tour promises must really happen on the simulated clock.
 */
describe('R10 demo tour chapter', () => {
  it('R10.1 R10.2 R10.3 the tour shows a budget alert, an auto top-up and a usage anomaly', async () => {
    const pm = await t.login('pm@example.com');
    const tenant = await json<Tenant>(
      await pm.post('/api/v1/demo/tenants', { scenario: 'empty', startAt: '2026-11-02T10:00:00+08:00' }),
    );
    const res = tenant.resources[0]?.id ?? '';
    const c = await t.login(tenant.customer.email, tenant.customer.password);
    const clock = async (body: Record<string, unknown>) => {
      const r = await pm.post(`/api/v1/demo/tenants/${tenant.accountId}/clock`, body);
      expect(r.status, await r.clone().text()).toBe(200);
      return json<{ happened: { kind: string }[] }>(r);
    };
    const usage = (label: string, callsPerDay: number) => [
      { label, resourceId: res, callsPerDay, nonBillableShare: '0' },
    ];
    const pay = (amount: string) => c.post('/api/v1/account/recharge', { amount }, { 'idempotency-key': newKey() });
    const kinds = async (kind: string) =>
      t.deps.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.accountId, tenant.accountId), eq(notifications.kind, kind)));

    // Chapter 1 (issue 5), as the tour runs it.
    await pay('5000.00');
    const bought = await c.post(
      '/api/v1/orders',
      { label: 'mobile.2factor', size: 10000, quantity: 1 },
      { 'idempotency-key': newKey() },
    );
    expect(bought.status).toBe(201);
    await clock({ advanceBy: 'P1D', usage: usage('mobile.2factor', 8_200) });
    await clock({ to: 'next-settlement' });
    await clock({ advanceBy: 'P7D' });
    await clock({ to: 'next-settlement', usage: usage('nfc.idcard', 20_000) });
    await clock({ advanceBy: 'P1D', usage: usage('identity.basic', 100) });
    const acct = await json<{ balances: { available: string } }>(await c.get('/api/v1/account'));
    await pay((Math.ceil(-Number(acct.balances.available)) + 10_000).toFixed(2));

    // Chapter 2 step "guard" (customer): a ¥7,400 budget on mobile.2factor, and its auto top-up rule.
    const budget = await c.post('/api/v1/budgets', {
      name: 'Mobile checks',
      amount: '7400',
      scope: { label: 'mobile.2factor' },
    });
    expect(budget.status).toBe(201);
    // The 3,700.00 pack bought this month is 50% of it: the first alert at once.
    expect((await kinds('budget_threshold')).map((n) => n.cause.split(':').at(-1))).toEqual(['50']);
    const rule = await c.put('/api/v1/auto-topups/mobile.2factor', {
      enabled: true,
      belowCalls: 2000,
      size: 10000,
      quantity: 1,
      monthlyLimit: 2,
    });
    expect(rule.status).toBe(200);

    // Step "topup" (panel): a day of mobile.2factor calls; 1,800 left is below 2,000 → one automatic order.
    await clock({ advanceBy: 'P1D', usage: usage('mobile.2factor', 500) });
    const auto = (await t.deps.db.select().from(orders).where(eq(orders.accountId, tenant.accountId))).filter(
      (o) => o.trigger === 'auto_topup',
    );
    expect(auto).toHaveLength(1);
    // Spent 7,400.00 of 7,400: the 80% and 100% alerts.
    expect((await kinds('budget_threshold')).map((n) => n.cause.split(':').at(-1)).sort()).toEqual(['100', '50', '80']);

    // Steps "quiet" and "anomaly" (panel): a steady week of identity.basic, then a spike, settled.
    await clock({ advanceBy: 'P7D', usage: usage('identity.basic', 100) });
    expect(await kinds('usage_anomaly')).toHaveLength(0);
    const spike = await clock({ to: 'next-settlement', usage: usage('identity.basic', 5_000) });
    expect(spike.happened.map((h) => h.kind)).toContain('usage_anomaly');
    const [anomaly] = await kinds('usage_anomaly');
    expect(anomaly?.cause).toMatch(/^anomaly:identity\.basic:/);
  }, 300_000);
});
