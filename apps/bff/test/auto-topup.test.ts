import { addDays, type ForecastInput, type PackState, parseMoney } from '@idv/billing';
import type { AutoTopupRule } from '@idv/contracts';
import { accounts, orders, packs, usageEvents } from '@idv/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type AutoTopupForecastRule, forecastWithAutoTopup } from '../src/use-cases/packs/label-forecast.ts';
import { json, onPostgres, useTestApp } from './harness.ts';
import { buy, customer, expectLedgerConsistent, newKey, noticesOf, refund } from './money-fixtures.ts';
import { addPack, cst, type Ev, ev, ingest, ingestOk } from './usage-fixtures.ts';

type Rule = AutoTopupRule;
type OrderItem = { id: string; label: string; trigger: string; amount: string; paid: Record<string, string> };

const t = useTestApp({ poolSize: 20 });

let n = 0;
/**
 * `count` billable basic.selfie calls made now, one second after the previous batch (so every call is
 * later than any pack delivered before it, and stays on 2026-11-20 from the test clock's 10:00).
 */
function calls(resourceId: string, count: number, prefix = `e${n++}`): Ev[] {
  t.clock.advance(1000);
  const at = t.clock.now().toISOString();
  return Array.from({ length: count }, (_, i) => ev(`${prefix}-${i}`, 'basic.selfie', resourceId, at));
}
const rule = { enabled: true, belowCalls: 100, size: 1000, quantity: 1, monthlyLimit: 3 };

async function ordersOf(accountId: string) {
  return t.deps.db.select().from(orders).where(eq(orders.accountId, accountId));
}

describe('R10.2 orders carry their trigger', () => {
  it('R10.2 GET /orders marks a customer order "manual"', async () => {
    const a = await customer(t, { balances: { cash: '1000.00' } });
    const o = await buy(a.c, { label: 'basic.selfie', size: 1000, quantity: 1 });
    const list = await json<{ items: OrderItem[] }>(await a.c.get('/api/v1/orders'));
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ id: o.id, trigger: 'manual' });
    expect((await json<OrderItem>(await a.c.get(`/api/v1/orders/${o.id}`))).trigger).toBe('manual');
  });
});

describe('R10.2 auto top-up rules (API)', () => {
  it('R10.2 PUT sets a rule, GET lists it with boughtThisMonth, DELETE removes it', async () => {
    const a = await customer(t, { balances: { cash: '1000.00' } });
    const put = await a.c.put('/api/v1/auto-topups/basic.selfie', rule);
    expect(put.status).toBe(200);
    expect(await json(put)).toEqual({ label: 'basic.selfie', ...rule, boughtThisMonth: 0 });
    const changed = await a.c.put('/api/v1/auto-topups/basic.selfie', { ...rule, belowCalls: 50, quantity: 2 });
    expect((await json<Rule>(changed)).belowCalls).toBe(50);
    const list = await json<{ items: Rule[] }>(await a.c.get('/api/v1/auto-topups'));
    expect(list.items).toEqual([{ label: 'basic.selfie', ...rule, belowCalls: 50, quantity: 2, boughtThisMonth: 0 }]);
    expect((await a.c.delete('/api/v1/auto-topups/basic.selfie')).status).toBe(204);
    expect((await json<{ items: Rule[] }>(await a.c.get('/api/v1/auto-topups'))).items).toEqual([]);
    expect((await a.c.delete('/api/v1/auto-topups/basic.selfie')).status).toBe(404);
  });

  it('R10.2 a size the label does not sell is 400 UNKNOWN_TIER; bad input is 400 INVALID_REQUEST; an unknown label is 404', async () => {
    const a = await customer(t);
    const bad = await a.c.put('/api/v1/auto-topups/basic.selfie', { ...rule, size: 1234 });
    expect(bad.status).toBe(400);
    expect((await json(bad)).code).toBe('UNKNOWN_TIER');
    const postpaidOnly = await a.c.put('/api/v1/auto-topups/risk.face', rule);
    expect((await json(postpaidOnly)).code).toBe('UNKNOWN_TIER');
    const invalid = await a.c.put('/api/v1/auto-topups/basic.selfie', { ...rule, quantity: 0, belowCalls: 'x' });
    expect(invalid.status).toBe(400);
    const body = await json<{ code: string; errors: { path: string }[] }>(invalid);
    expect(body.code).toBe('INVALID_REQUEST');
    expect(body.errors.map((e) => e.path).sort()).toEqual(['belowCalls', 'quantity']);
    expect((await a.c.put('/api/v1/auto-topups/no.such.label', rule)).status).toBe(404);
  });

  it('R10.2 a viewer reads the rules but may not change them (403); another account sees none of them', async () => {
    const demo = await t.login('demo@example.com');
    expect((await demo.put('/api/v1/auto-topups/basic.selfie', rule)).status).toBe(200);
    const viewer = await t.login('viewer@example.com');
    expect((await viewer.put('/api/v1/auto-topups/basic.selfie', rule)).status).toBe(403);
    expect((await viewer.delete('/api/v1/auto-topups/basic.selfie')).status).toBe(403);
    const seen = await json<{ items: Rule[] }>(await viewer.get('/api/v1/auto-topups'));
    expect(seen.items.map((r) => r.label)).toEqual(['basic.selfie']);
    const other = await t.login('other@example.com');
    expect((await json<{ items: Rule[] }>(await other.get('/api/v1/auto-topups'))).items).toEqual([]);
    expect((await other.delete('/api/v1/auto-topups/basic.selfie')).status).toBe(404);
    expect((await demo.delete('/api/v1/auto-topups/basic.selfie')).status).toBe(204);
  });
});

describe('R10.2 auto top-up at the crossing', () => {
  it('R10.2 buys tier × q once when the remaining drops below N, as an ordinary order marked auto_topup', async () => {
    const a = await customer(t, { balances: { cash: '500.00', gift: '20.00' }, settledThrough: '2026-11-19' });
    await addPack(t, a.id, { label: 'basic.selfie', total: 150, acquiredAt: cst('2026-11-01T10:00:00') });
    await a.c.put('/api/v1/auto-topups/basic.selfie', rule);
    // 150 → 110: still at or above 100, nothing.
    await ingestOk(t, a.key, calls(`res-${a.id}-a`, 40));
    expect(await ordersOf(a.id)).toHaveLength(0);
    // 110 → 60: below 100, one order of 1 × 1000 calls (145.00: gift 20, cash 125, R2.3).
    await ingestOk(t, a.key, calls(`res-${a.id}-a`, 50));
    const list = await json<{ items: OrderItem[] }>(await a.c.get('/api/v1/orders'));
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      label: 'basic.selfie',
      trigger: 'auto_topup',
      amount: '145.00',
      paid: { voucher: '0.00', gift: '20.00', income: '0.00', cash: '125.00' },
    });
    expect((await noticesOf(t, a.id, 'pack_delivered')).map((x) => x.cause)).toEqual([`order:${list.items[0]?.id}`]);
    // 1060 left: further calls do not buy again (the remaining is above N, the rule is re-armed).
    await ingestOk(t, a.key, calls(`res-${a.id}-a`, 30));
    expect(await ordersOf(a.id)).toHaveLength(1);
    const rules = await json<{ items: Rule[] }>(await a.c.get('/api/v1/auto-topups'));
    expect(rules.items[0]?.boughtThisMonth).toBe(1);
    // R8: the automatic pack is refundable like any purchased pack, returning what it took.
    const autoPack = (
      await t.deps.db
        .select()
        .from(packs)
        .where(eq(packs.orderId, list.items[0]?.id ?? ''))
    )[0];
    expect(autoPack?.used).toBe(0);
    const r = await refund(a.c, String(autoPack?.id));
    expect(r.status).toBe(201);
    expect((await json<{ returned: Record<string, string> }>(r)).returned).toEqual({
      cash: '125.00',
      income: '0.00',
      gift: '20.00',
    });
    await expectLedgerConsistent(t, a.id);
  });

  it("R10.2 R4.3 the automatic pack absorbs the day's postpaid calls of the label", async () => {
    const a = await customer(t, { balances: { cash: '500.00' }, settledThrough: '2026-11-19' });
    await a.c.put('/api/v1/auto-topups/basic.selfie', { ...rule, belowCalls: 10 });
    // No pack: 7 calls fall to postpaid, the remaining (0) is below 10 → buy, and the 7 move onto it.
    const out = await ingestOk(t, a.key, calls(`res-${a.id}-a`, 7));
    expect(out.every((o) => o.outcome === 'postpaid')).toBe(true);
    const [o] = await ordersOf(a.id);
    expect(o?.trigger).toBe('auto_topup');
    const [p] = await t.deps.db
      .select()
      .from(packs)
      .where(eq(packs.orderId, o?.id ?? ''));
    expect(p?.used).toBe(7);
    const evs = await t.deps.db.select().from(usageEvents).where(eq(usageEvents.accountId, a.id));
    expect(evs.every((e) => e.outcome === 'pack' && e.packId === p?.id)).toBe(true);
  });

  it('R10.2 without enough balance nothing is bought and one auto_topup_failed notice is sent per crossing', async () => {
    const a = await customer(t, { balances: { cash: '100.00' }, settledThrough: '2026-11-19' });
    await addPack(t, a.id, { label: 'basic.selfie', total: 120, acquiredAt: cst('2026-11-01T10:00:00') });
    await a.c.put('/api/v1/auto-topups/basic.selfie', rule);
    await ingestOk(t, a.key, calls(`res-${a.id}-a`, 30)); // 120 → 90: crossing, 145.00 > 100.00
    await ingestOk(t, a.key, calls(`res-${a.id}-a`, 10)); // 90 → 80: the same crossing
    expect(await ordersOf(a.id)).toHaveLength(0);
    const failed = await noticesOf(t, a.id, 'auto_topup_failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.bodyEn).toContain('45.00');
    // Recharge and buy by hand: back above 100 (1080), the rule re-arms; the next drop is a new crossing.
    await a.c.post('/api/v1/account/recharge', { amount: '300.00' }, { 'idempotency-key': newKey() });
    await buy(a.c, { label: 'basic.selfie', size: 1000, quantity: 1 });
    await ingestOk(t, a.key, calls(`res-${a.id}-a`, 990)); // 1080 → 90
    const all = await ordersOf(a.id);
    expect(all.map((o) => o.trigger).sort()).toEqual(['auto_topup', 'manual']);
    expect(await noticesOf(t, a.id, 'auto_topup_failed')).toHaveLength(1);
    await expectLedgerConsistent(t, a.id);
  });

  it('R10.2 at most M orders per CST month: past the limit nothing is bought and the failure is noticed', async () => {
    const a = await customer(t, { balances: { cash: '1000.00' }, settledThrough: '2026-11-19' });
    await addPack(t, a.id, { label: 'basic.selfie', total: 120, acquiredAt: cst('2026-11-01T10:00:00') });
    await a.c.put('/api/v1/auto-topups/basic.selfie', { ...rule, monthlyLimit: 1 });
    await ingestOk(t, a.key, calls(`res-${a.id}-a`, 30)); // crossing 1: bought (1090 left)
    await ingestOk(t, a.key, calls(`res-${a.id}-a`, 1000)); // 1090 → 90: crossing 2, limit reached
    expect((await ordersOf(a.id)).filter((o) => o.trigger === 'auto_topup')).toHaveLength(1);
    const failed = await noticesOf(t, a.id, 'auto_topup_failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.bodyEn).toContain('monthly limit of 1');
    const rules = await json<{ items: Rule[] }>(await a.c.get('/api/v1/auto-topups'));
    expect(rules.items[0]?.boughtThisMonth).toBe(1);
  });

  it('R10.2 a disabled rule never buys', async () => {
    const a = await customer(t, { balances: { cash: '1000.00' }, settledThrough: '2026-11-19' });
    await a.c.put('/api/v1/auto-topups/basic.selfie', { ...rule, enabled: false });
    await ingestOk(t, a.key, calls(`res-${a.id}-a`, 5));
    expect(await ordersOf(a.id)).toHaveLength(0);
  });

  it('R10.2 accounts flagged for violation, or suspended (R6.2), never auto-buy', async () => {
    const flagged = await customer(t, { balances: { cash: '1000.00' }, settledThrough: '2026-11-19' });
    await t.deps.db.update(accounts).set({ violation: true }).where(eq(accounts.id, flagged.id));
    await flagged.c.put('/api/v1/auto-topups/basic.selfie', rule);
    await ingestOk(t, flagged.key, calls(`res-${flagged.id}-a`, 5));
    expect(await ordersOf(flagged.id)).toHaveLength(0);
    expect(await noticesOf(t, flagged.id, 'auto_topup_failed')).toHaveLength(0);

    const suspended = await customer(t, { balances: { cash: '1000.00' }, settledThrough: '2026-11-19' });
    await suspended.c.put('/api/v1/auto-topups/basic.selfie', rule);
    await t.deps.db.update(accounts).set({ status: 'suspended' }).where(eq(accounts.id, suspended.id));
    const out = await ingestOk(t, suspended.key, calls(`res-${suspended.id}-a`, 5));
    expect(out.every((o) => o.code === 'ACCOUNT_SUSPENDED')).toBe(true);
    expect(await ordersOf(suspended.id)).toHaveLength(0);
    expect(await noticesOf(t, suspended.id, 'auto_topup_failed')).toHaveLength(0);
  });
});

// PGlite runs one transaction at a time; here many connections really race.
describe.runIf(onPostgres)('R10.2 racing usage batches on PostgreSQL', () => {
  it('R10.2 20 concurrent batches that together cross N buy exactly once', async () => {
    const a = await customer(t, { balances: { cash: '5000.00' }, settledThrough: '2026-11-19' });
    await addPack(t, a.id, { label: 'basic.selfie', total: 200, acquiredAt: cst('2026-11-01T10:00:00') });
    // Rule: below 100, buy 1 × 1000 but the purchase does not lift it above 2000 → stays disarmed.
    await a.c.put('/api/v1/auto-topups/basic.selfie', { ...rule, belowCalls: 2000, monthlyLimit: 10 });
    const batches = Array.from({ length: 20 }, (_, i) => calls(`res-${a.id}-${i % 2 ? 'b' : 'a'}`, 10, `race-${i}`));
    const res = await Promise.all(batches.map((b) => ingest(t, a.key, b)));
    expect(res.map((r) => r.status)).toEqual(res.map(() => 200));
    expect((await ordersOf(a.id)).filter((o) => o.trigger === 'auto_topup')).toHaveLength(1);
    await expectLedgerConsistent(t, a.id);
  });

  it('R10.2 20 concurrent batches with no balance send exactly one auto_topup_failed notice', async () => {
    const a = await customer(t, { balances: { cash: '1.00' }, settledThrough: '2026-11-19' });
    await addPack(t, a.id, { label: 'basic.selfie', total: 300, acquiredAt: cst('2026-11-01T10:00:00') });
    await a.c.put('/api/v1/auto-topups/basic.selfie', { ...rule, belowCalls: 250 });
    const batches = Array.from({ length: 20 }, (_, i) => calls(`res-${a.id}-${i % 2 ? 'b' : 'a'}`, 10, `race-f-${i}`));
    await Promise.all(batches.map((b) => ingest(t, a.key, b)));
    expect(await ordersOf(a.id)).toHaveLength(0);
    expect(await noticesOf(t, a.id, 'auto_topup_failed')).toHaveLength(1);
  });
});

describe('R10.2 the forecast includes the rule’s purchases', () => {
  const day = (d: number) => addDays('2026-11-20', d);
  // 30 days of 100 calls a day: a flat weekday profile, no trend, so 100 calls a day are projected.
  const input = (packs: PackState[], horizon = day(30)): ForecastInput => ({
    today: day(0),
    history: Array.from({ length: 30 }, (_, i) => ({ date: day(i - 30), calls: 100 })),
    todaySoFar: 0,
    packs,
    unitPrice: parseMoney('0.15'),
    postpaidEnabled: true,
    horizon,
  });
  const pack = (total: number): PackState => ({
    id: 1n,
    label: 'basic.selfie',
    source: 'purchase',
    status: 'active',
    total,
    used: 0,
    acquiredAt: cst('2026-11-01T10:00:00'),
    expiresAt: cst('2027-11-01T23:59:59'),
  });
  const forecastRule: AutoTopupForecastRule = {
    belowCalls: 300,
    size: 1000,
    quantity: 1,
    monthlyLimit: 5,
    boughtThisMonth: 0,
    armed: true,
    packPrice: parseMoney('145.00'),
    balance: parseMoney('1000.00'),
  };
  const now = cst('2026-11-20T10:00:00');

  it('R10.2 each projected drop below N buys tier × q that day, so the label does not run out', () => {
    const without = forecastWithAutoTopup(input([pack(1000)]), 'basic.selfie', null, now);
    expect(without.forecast.postpaidFrom).toBe(day(10));
    expect(without.autoTopup).toBeNull();
    const { forecast, autoTopup } = forecastWithAutoTopup(input([pack(1000)]), 'basic.selfie', forecastRule, now);
    // 1000 − 8 × 100 = 200 < 300 at the end of day 7: bought; 1200 → below 300 again at the end of day 17, 27.
    expect(autoTopup?.purchases.map((p) => p.date)).toEqual([day(7), day(17), day(27)]);
    expect(autoTopup?.purchases[0]).toEqual({ date: day(7), quantity: 1, size: 1000, amount: parseMoney('145.00') });
    expect(autoTopup?.failedOn).toBeNull();
    expect(forecast.postpaidFrom).toBeNull();
    expect(forecast.postpaidCalls).toBe(0);
    // The pack that exists is still used up first (R4.2: the rule's packs expire later).
    expect(forecast.packs.find((p) => p.id === 1n)?.runOutDate).toBe(day(9));
  });

  it('R10.2 the balance and the monthly limit bound the projected purchases; the first crossing it cannot act on is given', () => {
    const poor = forecastWithAutoTopup(
      input([pack(1000)]),
      'basic.selfie',
      { ...forecastRule, balance: parseMoney('200.00') },
      now,
    );
    expect(poor.autoTopup?.purchases.map((p) => p.date)).toEqual([day(7)]);
    expect(poor.autoTopup).toMatchObject({ failedOn: day(17), failReason: 'INSUFFICIENT_BALANCE' });
    // 1200 calls after day 7's purchase, then postpaid from day 20.
    expect(poor.forecast.postpaidFrom).toBe(day(20));
    const limited = forecastWithAutoTopup(
      input([pack(1000)]),
      'basic.selfie',
      { ...forecastRule, boughtThisMonth: 4 },
      now,
    );
    // The fifth of November's is day 7 (11-27); December's count starts again (days 17 and 27).
    expect(limited.autoTopup?.purchases.map((p) => p.date)).toEqual([day(7), day(17), day(27)]);
    const once = forecastWithAutoTopup(
      input([pack(1000)], day(9)),
      'basic.selfie',
      { ...forecastRule, boughtThisMonth: 5 },
      now,
    );
    expect(once.autoTopup).toMatchObject({ purchases: [], failedOn: day(7), failReason: 'MONTHLY_LIMIT' });
  });

  it('R10.2 a disarmed rule (this crossing already handled) buys nothing until a purchase lifts the label back', () => {
    const r = forecastWithAutoTopup(input([pack(250)]), 'basic.selfie', { ...forecastRule, armed: false }, now);
    expect(r.autoTopup?.purchases).toEqual([]);
    expect(r.forecast.postpaidFrom).toBe(day(2));
  });

  it('R10.2 GET /packs/:id/forecast lists the purchases of an armed rule whose label is already below N', async () => {
    const a = await customer(t, { balances: { cash: '500.00' }, settledThrough: '2026-11-19' });
    const id = await addPack(t, a.id, { label: 'basic.selfie', total: 50, acquiredAt: cst('2026-11-01T10:00:00') });
    const before = await json<{ autoTopup?: unknown }>(await a.c.get(`/api/v1/packs/${id}/forecast`));
    expect(before.autoTopup).toBeUndefined();
    await a.c.put('/api/v1/auto-topups/basic.selfie', rule);
    const f = await json<{ today: string; autoTopup: { purchases: unknown[]; failedOn: string | null } }>(
      await a.c.get(`/api/v1/packs/${id}/forecast`),
    );
    // 50 left < 100 and the rule is armed: the next batch buys, today.
    expect(f.autoTopup.purchases).toEqual([{ date: f.today, quantity: 1, size: 1000, amount: '145.00' }]);
    expect(f.autoTopup.failedOn).toBeNull();
  });
});
