import { describe, expect, it } from 'vitest';
import { runAccountJobs } from '../src/jobs/scheduler.ts';
import { json, onPostgres, useTestApp } from './harness.ts';
import { buy, customer, newKey, noticesOf, refund } from './money-fixtures.ts';
import { cst, ev, ingestOk, insertPostpaidHistory } from './usage-fixtures.ts';

type Budget = {
  id: string;
  name: string;
  amount: string;
  scope: { product?: string; label?: string };
  thresholds: number[];
  month: string;
  spent: string;
  forecast: string;
  alerts: { threshold: number; kind: string; at: string }[];
  daily: { date: string; spent: string }[];
};

const t = useTestApp({ poolSize: 20 });

describe('R10.1 budgets (API)', () => {
  it('R10.1 creates a budget with the default thresholds 50/80/100, edits and deletes it', async () => {
    const a = await customer(t);
    const res = await a.c.post('/api/v1/budgets', { name: 'All', amount: '1000' });
    expect(res.status).toBe(201);
    const b = await json<Budget>(res);
    expect(b).toMatchObject({
      name: 'All',
      amount: '1000.00',
      scope: {},
      thresholds: [50, 80, 100],
      month: '2026-11',
      spent: '0.00',
      forecast: '0.00',
      alerts: [],
    });
    const p = await a.c.patch(`/api/v1/budgets/${b.id}`, { name: 'Everything', amount: '2000.50', thresholds: [90] });
    expect(p.status).toBe(200);
    expect(await json(p)).toMatchObject({ name: 'Everything', amount: '2000.50', thresholds: [90] });
    const list = await json<{ items: Budget[] }>(await a.c.get('/api/v1/budgets'));
    expect(list.items.map((x) => x.id)).toEqual([b.id]);
    expect((await a.c.delete(`/api/v1/budgets/${b.id}`)).status).toBe(204);
    expect((await json<{ items: Budget[] }>(await a.c.get('/api/v1/budgets'))).items).toEqual([]);
    expect((await a.c.patch(`/api/v1/budgets/${b.id}`, { name: 'x' })).status).toBe(404);
  });

  it('R10.1 bad input is 400 INVALID_REQUEST with the fields', async () => {
    const a = await customer(t);
    const r1 = await a.c.post('/api/v1/budgets', { name: '', amount: 'abc', thresholds: [50, 50] });
    expect(r1.status).toBe(400);
    const body = await json<{ code: string; errors: { path: string }[] }>(r1);
    expect(body.code).toBe('INVALID_REQUEST');
    expect(body.errors.map((e) => e.path).sort()).toEqual(['amount', 'name', 'thresholds']);
    const r2 = await a.c.post('/api/v1/budgets', {
      name: 'x',
      amount: '10',
      scope: { product: 'basic', label: 'basic.selfie' },
    });
    expect(r2.status).toBe(400);
    const r3 = await a.c.post('/api/v1/budgets', { name: 'x', amount: '10', scope: { label: 'no.such' } });
    expect((await json<{ errors: { path: string }[] }>(r3)).errors[0]?.path).toBe('scope.label');
    expect((await a.c.post('/api/v1/budgets', { name: 'x', amount: '0' })).status).toBe(400);
  });

  it('R10.1 a viewer reads budgets but may not change them; another account sees none and gets 404', async () => {
    const demo = await t.login('demo@example.com');
    const b = await json<Budget>(await demo.post('/api/v1/budgets', { name: 'Demo', amount: '500' }));
    const viewer = await t.login('viewer@example.com');
    expect((await json<{ items: Budget[] }>(await viewer.get('/api/v1/budgets'))).items.map((x) => x.id)).toContain(
      b.id,
    );
    expect((await viewer.post('/api/v1/budgets', { name: 'V', amount: '1' })).status).toBe(403);
    expect((await viewer.patch(`/api/v1/budgets/${b.id}`, { name: 'V' })).status).toBe(403);
    expect((await viewer.delete(`/api/v1/budgets/${b.id}`)).status).toBe(403);
    const other = await t.login('other@example.com');
    expect((await json<{ items: Budget[] }>(await other.get('/api/v1/budgets'))).items).toEqual([]);
    expect((await other.patch(`/api/v1/budgets/${b.id}`, { name: 'O' })).status).toBe(404);
    expect((await other.delete(`/api/v1/budgets/${b.id}`)).status).toBe(404);
    expect((await demo.delete(`/api/v1/budgets/${b.id}`)).status).toBe(204);
  });
});

describe('R10.1 spent and alerts', () => {
  it('R10.1 spent is the bill overview total in the scope, exactly (account, product, label; refunds subtract)', async () => {
    const a = await customer(t, { balances: { cash: '5000.00' } });
    await buy(a.c, { label: 'basic.selfie', size: 1000, quantity: 2 }); // 290.00
    const o = await buy(a.c, { label: 'basic.authority', size: 1000, quantity: 1 });
    await buy(a.c, { label: 'enhanced.selfie.wechat', size: 1000, quantity: 1 }); // 280.00
    expect((await refund(a.c, o.packs[0]?.id ?? '')).status).toBe(201);
    const mk = async (scope?: Budget['scope']) =>
      json<Budget>(await a.c.post('/api/v1/budgets', { name: 'b', amount: '100000', ...(scope ? { scope } : {}) }));
    const all = await mk();
    const basic = await mk({ product: 'basic' });
    const label = await mk({ label: 'basic.selfie' });
    const ov = await json<{ total: string; byProduct: { product: string; total: string }[] }>(
      await a.c.get('/api/v1/bills/overview?month=2026-11'),
    );
    expect(all.spent).toBe(ov.total);
    expect(all.spent).toBe('570.00'); // 290 + x − x + 280
    expect(basic.spent).toBe(ov.byProduct.find((p) => p.product === 'basic')?.total);
    expect(label.spent).toBe('290.00');
    // The burn chart's last cumulative point is the spent.
    expect(all.daily.at(-1)).toEqual({ date: '2026-11-20', spent: '570.00' });
  });

  it('R10.1 budget_threshold once per budget, month and threshold when spent crosses it', async () => {
    const a = await customer(t, { balances: { cash: '5000.00' } });
    const b = await json<Budget>(
      await a.c.post('/api/v1/budgets', { name: 'Packs', amount: '300', thresholds: [50, 100] }),
    );
    await buy(a.c, { label: 'basic.selfie', size: 1000, quantity: 1 }); // 145: below 150
    expect(await noticesOf(t, a.id, 'budget_threshold')).toHaveLength(0);
    await buy(a.c, { label: 'basic.selfie', size: 1000, quantity: 1 }); // 290 ≥ 150
    await buy(a.c, { label: 'basic.selfie', size: 1000, quantity: 1 }); // 435 ≥ 300
    await buy(a.c, { label: 'basic.selfie', size: 1000, quantity: 1 }); // nothing new
    const sent = await noticesOf(t, a.id, 'budget_threshold');
    expect(sent.map((n) => n.cause).sort()).toEqual([`budget:${b.id}:2026-11:100`, `budget:${b.id}:2026-11:50`]);
    expect(sent.find((n) => n.cause.endsWith(':50'))?.bodyEn).toContain('290.00');
    const now = await json<{ items: Budget[] }>(await a.c.get('/api/v1/budgets'));
    expect(now.items[0]?.alerts.map((x) => [x.threshold, x.kind])).toEqual([
      [50, 'actual'],
      [100, 'actual'],
    ]);
    expect(await noticesOf(t, a.id, 'budget_forecast')).toHaveLength(0);
  });

  it('R10.1 forecast = spent + the rest of the month priced after packs; budget_forecast before spent crosses', async () => {
    const a = await customer(t, { balances: { cash: '5000.00' }, settledThrough: '2026-11-19' });
    const res = `res-${a.id}-a`;
    // 100 postpaid calls a day for 30 days (settled), and 10 today (not settled yet).
    await insertPostpaidHistory(t, a.id, res, 30, 100);
    const today = Array.from({ length: 10 }, (_, i) =>
      ev(`today-${i}`, 'basic.selfie', res, '2026-11-20T09:00:00+08:00'),
    );
    await ingestOk(t, a.key, today);
    const b = await json<Budget>(
      await a.c.post('/api/v1/budgets', {
        name: 'Selfie',
        amount: '300',
        scope: { label: 'basic.selfie' },
        thresholds: [50, 100],
      }),
    );
    // Nov 20–30 is 11 days × 100 calls = 1,100 calls (10 made today + 1,090 projected) × 0.15 = 165.00.
    expect(b.spent).toBe('0.00');
    expect(b.forecast).toBe('165.00');
    const f = await noticesOf(t, a.id, 'budget_forecast');
    expect(f.map((n) => n.cause)).toEqual([`budget:${b.id}:2026-11:50`]);
    expect(await noticesOf(t, a.id, 'budget_threshold')).toHaveLength(0);
    // A pack covering the rest of the month removes the postpaid part: forecast = spent = the pack.
    await buy(a.c, { label: 'basic.selfie', size: 10000, quantity: 1 }); // 1200.00, covers today's 10 (R4.3)
    const after = await json<{ items: Budget[] }>(await a.c.get('/api/v1/budgets'));
    expect(after.items[0]).toMatchObject({ spent: '1200.00', forecast: '1200.00' });
    // Spent crossed both thresholds now; 50 had its forecast alert, both get the actual one, once.
    expect((await noticesOf(t, a.id, 'budget_threshold')).map((n) => n.cause).sort()).toEqual([
      `budget:${b.id}:2026-11:100`,
      `budget:${b.id}:2026-11:50`,
    ]);
    expect(await noticesOf(t, a.id, 'budget_forecast')).toHaveLength(1);
  });

  it('R10.1 the settlement job raises the actual alert after the day is billed', async () => {
    const a = await customer(t, { balances: { cash: '5000.00' }, settledThrough: '2026-11-19' });
    const res = `res-${a.id}-a`;
    const calls = Array.from({ length: 700 }, (_, i) => ev(`s-${i}`, 'basic.selfie', res, '2026-11-20T09:00:00+08:00'));
    await ingestOk(t, a.key, calls);
    const b = await json<Budget>(
      await a.c.post('/api/v1/budgets', { name: 'Daily', amount: '100', thresholds: [100] }),
    );
    // 700 × 0.15 = 105.00 unsettled: forecast crosses at once (no history: nothing more projected).
    expect(b).toMatchObject({ spent: '0.00', forecast: '105.00' });
    expect(await noticesOf(t, a.id, 'budget_forecast')).toHaveLength(1);
    const happened = await runAccountJobs(t.deps, a.id, cst('2026-11-21T08:30:00'));
    expect(happened.filter((h) => h.kind === 'budget_threshold')).toHaveLength(1);
    expect(await noticesOf(t, a.id, 'budget_threshold')).toHaveLength(1);
    await runAccountJobs(t.deps, a.id, cst('2026-11-21T09:30:00'));
    expect(await noticesOf(t, a.id, 'budget_threshold')).toHaveLength(1);
  });
});

// PGlite runs one transaction at a time; here the evaluations after concurrent purchases really race.
describe.runIf(onPostgres)('R10.1 concurrent purchases on PostgreSQL', () => {
  it('R10.1 ten concurrent purchases crossing a threshold send one budget_threshold notice', async () => {
    const a = await customer(t, { balances: { cash: '5000.00' } });
    const b = await json<Budget>(await a.c.post('/api/v1/budgets', { name: 'Race', amount: '1000', thresholds: [50] }));
    const res = await Promise.all(
      Array.from({ length: 10 }, () =>
        a.c.post('/api/v1/orders', { label: 'basic.selfie', size: 1000, quantity: 1 }, { 'idempotency-key': newKey() }),
      ),
    );
    expect(res.map((r) => r.status)).toEqual(res.map(() => 201));
    expect((await noticesOf(t, a.id, 'budget_threshold')).map((n) => n.cause)).toEqual([`budget:${b.id}:2026-11:50`]);
  });
});
