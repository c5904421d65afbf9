import { demoTenants, settlements } from '@idv/db';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { runAccountJobs } from '../src/jobs/scheduler.ts';
import { claimClockMove, planClockMove } from '../src/repositories/demo.ts';
import { oneYearBefore } from '../src/use-cases/demo/create-demo-tenant.ts';
import { settlePeriod } from '../src/use-cases/settlement/settle-period.ts';
import { tenantSnapshot } from './demo-snapshot.ts';
import { type Client, json, useLogin, useTestApp } from './harness.ts';

const t = useTestApp({ config: { trialGrantDelayMs: 30 * 60_000 } });
const pm = useLogin(t, 'pm@example.com');

type Created = {
  accountId: string;
  customer: { email: string; password: string };
  serviceKey: string;
  resources: { id: string; alias: string }[];
};
type Detail = {
  accountId: string;
  settlement: string;
  activatedAt: string;
  startAt: string;
  status: string;
  customer: { email: string | null };
  resources: { id: string; alias: string }[];
  clock: { now: string; simulated: boolean };
  move: { target: string | null; state: string } | null;
  tierTables: { label: string; tiers: { fromCalls: number; unitPrice: string }[] }[];
};

async function createTenant(startAt: string, scenario: 'empty' | 'rich' = 'empty'): Promise<Created> {
  const res = await pm.post('/api/v1/demo/tenants', { scenario, startAt });
  expect(res.status).toBe(201);
  return json<Created>(res);
}

const clock = (c: Client, id: string, body: Record<string, unknown>) =>
  c.post(`/api/v1/demo/tenants/${id}/clock`, body);

function ingest(key: string, events: unknown[]) {
  return t.app.request('http://localhost/api/v1/usage/events', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ events }),
  });
}

async function ingestCalls(key: string, prefix: string, label: string, resourceId: string, n: number, at: string) {
  for (let i = 0; i < n; i += 1000) {
    const events = Array.from({ length: Math.min(1000, n - i) }, (_, k) => ({
      id: `${prefix}-${i + k}`,
      label,
      resourceId,
      result: 'success',
      occurredAt: at,
    }));
    const r = await json<{ outcomes: { outcome: string }[] }>(await ingest(key, events));
    expect(r.outcomes.every((o) => o.outcome === 'postpaid')).toBe(true);
  }
}

describe('R5.1/R5.2 a demo tenant settles as its activation says', () => {
  it('R5.1 the settlement mode follows the tenant start time: before 2023-01-04 00:00 CST monthly, from then on daily', async () => {
    const cases: [string, string][] = [
      ['2022-03-20T10:00:00+08:00', 'monthly'],
      ['2023-01-03T23:59:59+08:00', 'monthly'],
      ['2023-01-04T00:00:00+08:00', 'daily'],
      ['2024-06-01T09:00:00+08:00', 'daily'],
    ];
    for (const [startAt, mode] of cases) {
      const tenant = await createTenant(startAt);
      const d = await json<Detail>(await pm.get(`/api/v1/demo/tenants/${tenant.accountId}`));
      expect([startAt, d.settlement, d.activatedAt]).toEqual([startAt, mode, startAt]);
      const customer = await t.login(tenant.customer.email, tenant.customer.password);
      expect((await json<{ settlement: string }>(await customer.get('/api/v1/account'))).settlement).toBe(mode);
    }
  });

  it('R9.3 a rich tenant is activated a year before its start: same CST time and date a year earlier (29 Feb → 28 Feb)', () => {
    const cst = (d: Date) => d.toISOString();
    expect(cst(oneYearBefore(new Date('2026-11-20T10:00:00+08:00')))).toBe(cst(new Date('2025-11-20T10:00:00+08:00')));
    expect(cst(oneYearBefore(new Date('2024-01-04T00:00:00+08:00')))).toBe(cst(new Date('2023-01-04T00:00:00+08:00')));
    expect(cst(oneYearBefore(new Date('2024-02-29T23:30:00+08:00')))).toBe(cst(new Date('2023-02-28T23:30:00+08:00')));
    // 2024-01-01 07:00 CST is still 2023-12-31 in UTC: the CST date decides.
    expect(cst(oneYearBefore(new Date('2024-01-01T07:00:00+08:00')))).toBe(cst(new Date('2023-01-01T07:00:00+08:00')));
  });

  it('R5.2 a tenant started in 2022 is settled monthly on the 1st for the previous month, each label at the tier its month total reaches (without a table: the plain price)', async () => {
    const tenant = await createTenant('2022-03-20T10:00:00+08:00');
    const [r1, r2] = tenant.resources.map((r) => r.id) as [string, string];
    // The PM sets identity.basic's tiers on this tenant: 12,000 calls reach the 10,000 tier (0.22).
    const put = await pm.put(`/api/v1/demo/tenants/${tenant.accountId}/tiers/identity.basic`, {
      tiers: [
        { fromCalls: 50_000, unitPrice: '0.18' },
        { fromCalls: 0, unitPrice: '0.30' },
        { fromCalls: 10_000, unitPrice: '0.22' },
      ],
    });
    expect(put.status).toBe(200);
    expect(await json(put)).toEqual({
      label: 'identity.basic',
      tiers: [
        { fromCalls: 0, unitPrice: '0.3000' },
        { fromCalls: 10_000, unitPrice: '0.2200' },
        { fromCalls: 50_000, unitPrice: '0.1800' },
      ],
    });
    expect((await clock(pm, tenant.accountId, { advanceTo: '2022-03-26T09:00:00+08:00' })).status).toBe(200);
    await ingestCalls(tenant.serviceKey, 'a', 'identity.basic', r1, 7_000, '2022-03-25T12:00:00+08:00');
    await ingestCalls(tenant.serviceKey, 'b', 'identity.basic', r2, 5_000, '2022-03-25T15:00:00+08:00');
    await ingestCalls(tenant.serviceKey, 'c', 'mobile.2factor', r1, 10, '2022-03-25T16:00:00+08:00');

    // No daily settlement on the way; the 1st at 08:00 bills March.
    const before = await json<{ happened: { kind: string }[] }>(
      await clock(pm, tenant.accountId, { advanceTo: '2022-04-01T07:59:00+08:00' }),
    );
    expect(before.happened.some((h) => /settlement/.test(h.kind))).toBe(false);
    const moved = await json<{ happened: { kind: string; at: string }[] }>(
      await clock(pm, tenant.accountId, { to: 'next-settlement' }),
    );
    expect(moved.happened).toContainEqual(
      expect.objectContaining({ kind: 'monthly_settlement', at: '2022-04-01T08:00:00+08:00' }),
    );
    const customer = await t.login(tenant.customer.email, tenant.customer.password);
    const items = await json<{
      items: {
        transactionType: string;
        label: string;
        resourceId: string;
        unitPrice: string;
        quantity: number;
        amount: string;
      }[];
    }>(await customer.get('/api/v1/bills/items?month=2022-03&limit=200'));
    const lines = items.items
      .filter((i) => i.transactionType !== 'pack_deduction')
      .map((i) => [i.transactionType, i.label, i.resourceId, i.unitPrice, i.quantity, i.amount])
      .sort();
    expect(lines).toEqual(
      [
        ['monthly_settlement', 'identity.basic', r1, '0.22', 7_000, '1540.00'],
        ['monthly_settlement', 'identity.basic', r2, '0.22', 5_000, '1100.00'],
        ['monthly_settlement', 'mobile.2factor', r1, '0.40', 10, '4.00'],
      ].sort(),
    );
    const overview = await json<{ total: string }>(await customer.get('/api/v1/bills/overview?month=2022-03'));
    expect(overview.total).toBe('2644.00');
    // Nothing to pay it from: arrears (R6.1), as for any account.
    const account = await json<{ status: string; balances: { available: string } }>(
      await customer.get('/api/v1/account'),
    );
    expect([account.status, account.balances.available]).toEqual(['arrears', '-2644.00']);

    // R5.3 the same period again (the job at the same instant, the use case itself, a later move): once.
    expect(await runAccountJobs(t.deps, tenant.accountId, new Date('2022-04-01T08:00:00+08:00'))).toEqual([]);
    expect(await settlePeriod(t.deps, tenant.accountId, { kind: 'monthly', month: '2022-03' })).toEqual([]);
    expect((await clock(pm, tenant.accountId, { advanceTo: '2022-04-03T09:00:00+08:00' })).status).toBe(200);
    const rowsOf = await t.deps.db
      .select()
      .from(settlements)
      .where(and(eq(settlements.accountId, tenant.accountId), eq(settlements.period, '2022-03')));
    expect(rowsOf.map((s) => [s.kind, s.amount, s.calls])).toEqual([['monthly', '2644.0000', 12_010]]);
    const again = await json<{ items: unknown[] }>(
      await customer.get('/api/v1/bills/items?month=2022-03&transactionType=monthly_settlement'),
    );
    expect(again.items).toHaveLength(3);
  });

  it('R5.1 a tenant started in 2024 settles daily, and tier tables are refused for it', async () => {
    const tenant = await createTenant('2024-03-05T10:00:00+08:00');
    await ingestCalls(
      tenant.serviceKey,
      'd',
      'identity.basic',
      tenant.resources[0]?.id ?? '',
      1_000,
      '2024-03-05T09:30:00+08:00',
    );
    const moved = await json<{ happened: { kind: string }[] }>(
      await clock(pm, tenant.accountId, { to: 'next-settlement' }),
    );
    expect(moved.happened.some((h) => h.kind === 'daily_settlement')).toBe(true);
    const customer = await t.login(tenant.customer.email, tenant.customer.password);
    const items = await json<{ items: { transactionType: string; amount: string }[] }>(
      await customer.get('/api/v1/bills/items?month=2024-03&transactionType=daily_settlement'),
    );
    expect(items.items).toEqual([expect.objectContaining({ amount: '300.00' })]);
    const put = await pm.put(`/api/v1/demo/tenants/${tenant.accountId}/tiers/identity.basic`, {
      tiers: [{ fromCalls: 0, unitPrice: '0.10' }],
    });
    expect(put.status).toBe(409);
    expect((await json(put)).code).toBe('NOT_MONTHLY_SETTLED');
  });
});

describe('R9.3 GET /demo/tenants/:accountId and the tier endpoint', () => {
  it('R9.3 any PM browser opens a tenant: settlement, resources, clock, customer email, never a password hash; others 403, unknown or real accounts 404', async () => {
    const tenant = await createTenant('2022-07-10T10:00:00+08:00');
    const otherPmBrowser = await t.login('pm@example.com');
    const res = await otherPmBrowser.get(`/api/v1/demo/tenants/${tenant.accountId}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(/hash|scrypt|argon|password/i);
    const d = JSON.parse(text) as Detail;
    expect(d).toMatchObject({
      accountId: tenant.accountId,
      settlement: 'monthly',
      status: 'active',
      startAt: '2022-07-10T10:00:00+08:00',
      customer: { email: tenant.customer.email },
      clock: { now: '2022-07-10T10:00:00+08:00', simulated: true },
      move: null,
      tierTables: [],
    });
    expect(d.resources.map((r) => ({ id: r.id, alias: r.alias }))).toEqual(tenant.resources);
    for (const email of ['demo@example.com', 'agent@example.com']) {
      const c = await t.login(email);
      expect((await c.get(`/api/v1/demo/tenants/${tenant.accountId}`)).status).toBe(403);
    }
    const own = await t.login(tenant.customer.email, tenant.customer.password);
    expect((await own.get(`/api/v1/demo/tenants/${tenant.accountId}`)).status).toBe(403);
    expect((await t.anon.get(`/api/v1/demo/tenants/${tenant.accountId}`)).status).toBe(401);
    expect((await pm.get('/api/v1/demo/tenants/acct_demo')).status).toBe(404);
    expect((await pm.get('/api/v1/demo/tenants/demo_nope')).status).toBe(404);
  });

  it('R5.2 a tier table is validated, PM-only, and shows on the tenant; DELETE removes it', async () => {
    const tenant = await createTenant('2022-07-10T10:00:00+08:00');
    const url = `/api/v1/demo/tenants/${tenant.accountId}/tiers`;
    const bad: [unknown, string][] = [
      [{ tiers: [] }, 'tiers'],
      [{ tiers: [{ fromCalls: -1, unitPrice: '0.1' }] }, 'tiers.0.fromCalls'],
      [{ tiers: [{ fromCalls: 1.5, unitPrice: '0.1' }] }, 'tiers.0.fromCalls'],
      [{ tiers: [{ fromCalls: 0, unitPrice: 0.1 }] }, 'tiers.0.unitPrice'],
      [{ tiers: [{ fromCalls: 0, unitPrice: '-0.1' }] }, 'tiers.0.unitPrice'],
      [{ tiers: [{ fromCalls: 0, unitPrice: '0.12345' }] }, 'tiers.0.unitPrice'],
      [
        {
          tiers: [
            { fromCalls: 0, unitPrice: '0.1' },
            { fromCalls: 0, unitPrice: '0.2' },
          ],
        },
        'tiers',
      ],
      [{ tiers: [{ fromCalls: 0, unitPrice: '0.1' }], extra: 1 }, '(root)'],
    ];
    for (const [body, path] of bad) {
      const r = await pm.put(`${url}/identity.basic`, body);
      expect(r.status).toBe(400);
      const p = await json<{ code: string; errors: { path: string }[] }>(r);
      expect(p.code).toBe('INVALID_REQUEST');
      expect(p.errors.map((e) => e.path)).toContain(path);
    }
    const unknown = await pm.put(`${url}/no.such.label`, { tiers: [{ fromCalls: 0, unitPrice: '0.1' }] });
    expect([unknown.status, (await json(unknown)).code]).toEqual([400, 'UNKNOWN_LABEL']);
    const customer = await t.login(tenant.customer.email, tenant.customer.password);
    expect((await customer.put(`${url}/identity.basic`, { tiers: [{ fromCalls: 0, unitPrice: '0.1' }] })).status).toBe(
      403,
    );
    expect(
      (
        await pm.put('/api/v1/demo/tenants/acct_demo/tiers/identity.basic', {
          tiers: [{ fromCalls: 0, unitPrice: '0.1' }],
        })
      ).status,
    ).toBe(404);
    expect((await pm.put(`${url}/risk.face`, { tiers: [{ fromCalls: 100, unitPrice: '0.003' }] })).status).toBe(200);
    const d = await json<Detail>(await pm.get(`/api/v1/demo/tenants/${tenant.accountId}`));
    expect(d.tierTables).toEqual([{ label: 'risk.face', tiers: [{ fromCalls: 100, unitPrice: '0.0030' }] }]);
    expect((await pm.delete(`${url}/risk.face`)).status).toBe(204);
    expect((await json<Detail>(await pm.get(`/api/v1/demo/tenants/${tenant.accountId}`))).tierTables).toEqual([]);
  });
});

describe('R9.3 clock moves never interleave and an interrupted move resumes exactly', () => {
  const usageOf = (res: string[]) => [
    { label: 'identity.basic', resourceId: res[0] ?? '', callsPerDay: 300, nonBillableShare: '0.1' },
    { label: 'nfc.idcard', resourceId: res[1] ?? '', callsPerDay: 40, nonBillableShare: '0' },
  ];
  const START = '2022-05-29T10:00:00+08:00';
  const TARGET = '2022-06-02T12:00:00+08:00';

  it('R9.3 a move in progress makes another move answer 409 DEMO_CLOCK_BUSY; once its driver is gone it is resumed by the next move and ends exactly like an uninterrupted move (monthly settlement included, R5.3)', async () => {
    const twin = await createTenant(START);
    const crashed = await createTenant(START);
    const twinUsage = usageOf(twin.resources.map((r) => r.id));
    const usage = usageOf(crashed.resources.map((r) => r.id));
    // The uninterrupted move.
    expect((await clock(pm, twin.accountId, { advanceTo: TARGET, usage: twinUsage })).status).toBe(200);

    // The "crashed" one: its first steps were committed (to 2022-05-31 08:00, a step boundary), then
    // its process died with the move persisted and the lease still running.
    expect((await clock(pm, crashed.accountId, { advanceTo: '2022-05-31T08:00:00+08:00', usage })).status).toBe(200);
    const claim = await claimClockMove(t.deps.db, crashed.accountId, 'mv_dead_process', 60_000);
    expect(claim.kind).toBe('claimed');
    expect(
      await planClockMove(t.deps.db, crashed.accountId, 'mv_dead_process', {
        target: new Date(TARGET),
        usage,
        startedAt: new Date(),
      }),
    ).toBe(true);

    const busy = await clock(pm, crashed.accountId, { advanceBy: 'P1D' });
    expect(busy.status).toBe(409);
    expect(await json(busy)).toMatchObject({ code: 'DEMO_CLOCK_BUSY', moveTarget: '2022-06-02T12:00:00+08:00' });
    expect((await json<Detail>(await pm.get(`/api/v1/demo/tenants/${crashed.accountId}`))).move).toEqual({
      target: '2022-06-02T12:00:00+08:00',
      state: 'running',
    });
    // The lease runs out (the process is gone).
    await t.deps.db
      .update(demoTenants)
      .set({ moveLeaseUntil: sql`clock_timestamp() - interval '1 second'` })
      .where(eq(demoTenants.accountId, crashed.accountId));
    expect((await json<Detail>(await pm.get(`/api/v1/demo/tenants/${crashed.accountId}`))).move?.state).toBe(
      'interrupted',
    );
    const resumed = await clock(pm, crashed.accountId, { advanceBy: 'PT0M' });
    expect(resumed.status).toBe(200);
    const body = await json<{ now: string; happened: { kind: string }[] }>(resumed);
    expect(body.now).toBe('2022-06-02T12:00:00+08:00');
    expect(body.happened.map((h) => h.kind)).toContain('clock_move_resumed');
    expect(body.happened.map((h) => h.kind)).toContain('monthly_settlement');
    expect((await json<Detail>(await pm.get(`/api/v1/demo/tenants/${crashed.accountId}`))).move).toBeNull();

    const a = await tenantSnapshot(t.deps.db, twin.accountId);
    const b = await tenantSnapshot(t.deps.db, crashed.accountId);
    expect(a.settlements.filter((s) => s.startsWith('monthly 2022-05'))).toHaveLength(1);
    expect(a.events.length).toBeGreaterThan(1000);
    expect(b).toEqual(a);
  });

  it('R9.3 two moves of one tenant sent at once: usage is injected exactly once per simulated day', async () => {
    const tenant = await createTenant(START);
    const twin = await createTenant(START);
    const usage = usageOf(tenant.resources.map((r) => r.id));
    const other = await t.login('pm@example.com');
    const [x, y] = await Promise.all([
      clock(pm, tenant.accountId, { advanceTo: TARGET, usage }),
      clock(other, tenant.accountId, { advanceTo: TARGET, usage }),
    ]);
    const statuses = [x.status, y.status].sort();
    expect(statuses[0]).toBe(200);
    if (statuses[1] !== 200) {
      expect(statuses[1]).toBe(409);
      expect((await json(x.status === 409 ? x : y)).code).toBe('DEMO_CLOCK_BUSY');
    }
    expect(
      (await clock(pm, twin.accountId, { advanceTo: TARGET, usage: usageOf(twin.resources.map((r) => r.id)) })).status,
    ).toBe(200);
    expect(await tenantSnapshot(t.deps.db, tenant.accountId)).toEqual(await tenantSnapshot(t.deps.db, twin.accountId));
  });
});
