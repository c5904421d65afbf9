import { cstDate, formatMoney4, parseMoney, purchasedPackExpiry } from '@idv/billing';
import { accounts, auditLog, charges, notifications, packs, usageEvents, vouchers } from '@idv/db';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { json, useTestApp } from './harness.ts';
import { buy, customer, expectLedgerConsistent, moneySnapshot, newKey, type OrderView } from './money-fixtures.ts';

const t = useTestApp();

/** R2.2 A voucher of the account, valid for `validForMs` from now (negative: already expired). */
const addVoucher = (v: {
  id: string;
  accountId: string;
  faceValue: string;
  validForMs: number;
  productGroups: string[] | null;
}) =>
  t.deps.db.insert(vouchers).values({
    id: v.id,
    accountId: v.accountId,
    faceValue: v.faceValue,
    expiresAt: new Date(t.clock.now().getTime() + v.validForMs),
    productGroups: v.productGroups,
  });

describe('buying packs (R3.3, R2.2, R2.3)', () => {
  it('R3.3/R2.3 delivers N packs paid voucher first, then gift → income → cash, with the split recorded', async () => {
    const a = await customer(t, { balances: { cash: '5000.00', income: '300.00', gift: '100.00' } });
    await addVoucher({
      id: `vch_${a.id}`,
      accountId: a.id,
      faceValue: '50.0000',
      validForMs: 86_400_000,
      productGroups: ['enhanced'],
    });
    const o = await buy(a.c, { label: 'enhanced.selfie.wechat', size: 1000, quantity: 3, voucherId: `vch_${a.id}` });
    // 3 × 280.00 = 840.00: voucher 50, gift 100, income 300, cash 390.
    expect(o.amount).toBe('840.00');
    expect(o.paid).toEqual({ voucher: '50.00', gift: '100.00', income: '300.00', cash: '390.00' });
    expect(o.packs).toHaveLength(3);
    const expiry = purchasedPackExpiry(t.clock.now());
    for (const p of o.packs) {
      expect(p).toMatchObject({ label: 'enhanced.selfie.wechat', source: 'purchase', total: 1000, used: 0 });
      expect(p.status).toBe('active');
      expect(Date.parse(p.expiresAt)).toBe(Math.floor(expiry.getTime() / 1000) * 1000); // R3.2 23:59:59 CST
      expect(p.expiresAt).toMatch(/T23:59:59\+08:00$/);
      expect(p.refund.eligible).toBe(true);
      expect(p.orderId).toBe(o.id);
    }
    const rows = await t.deps.db.select().from(packs).where(eq(packs.orderId, o.id));
    expect(rows.map((r) => r.orderIndex).sort()).toEqual([0, 1, 2]);
    const acct = await json<{ balances: Record<string, string>; vouchers: { id: string; usable: boolean }[] }>(
      await a.c.get('/api/v1/account'),
    );
    expect(acct.balances).toMatchObject({ cash: '4610.00', income: '0.00', gift: '0.00' });
    expect(acct.vouchers.find((v) => v.id === `vch_${a.id}`)?.usable).toBe(false);
    await expectLedgerConsistent(t, a.id);
  });

  it('R5.5 writes one itemized purchase line with the split and the order link, a delivery notice and an audit row', async () => {
    const a = await customer(t, { balances: { cash: '2000.00', gift: '10.00' } });
    const o = await buy(a.c, { label: 'basic.selfie', size: 1000, quantity: 2 });
    const lines = await t.deps.db.select().from(charges).where(eq(charges.orderId, o.id));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      transactionType: 'purchase',
      billingMode: 'prepaid',
      resourceId: null,
      label: 'basic.selfie',
      product: 'basic',
      quantity: 2,
      month: '2026-11',
    });
    expect(parseMoney(lines[0]?.unitPrice ?? '')).toBe(parseMoney('145'));
    expect(parseMoney(lines[0]?.amount ?? '')).toBe(parseMoney('290'));
    expect(parseMoney(lines[0]?.paidGift ?? '')).toBe(parseMoney('10'));
    expect(parseMoney(lines[0]?.paidCash ?? '')).toBe(parseMoney('280'));
    const notes = await t.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.accountId, a.id), eq(notifications.kind, 'pack_delivered')));
    expect(notes.map((n) => n.cause)).toEqual([`order:${o.id}`]);
    const audits = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.accountId, a.id), eq(auditLog.action, 'order.place')));
    expect(audits.map((x) => x.outcome)).toEqual(['ok']);
    await expectLedgerConsistent(t, a.id);
  });

  it('lists orders newest first with a cursor, and shows one order with its packs; another account gets 404', async () => {
    const a = await customer(t, { balances: { cash: '2000.00' } });
    const o1 = await buy(a.c, { label: 'basic.selfie', size: 1000, quantity: 1 });
    t.clock.advance(1000);
    const o2 = await buy(a.c, { label: 'identity.basic', size: 1000, quantity: 2 });
    const p1 = await json<{ items: { id: string }[]; nextCursor: string | null }>(
      await a.c.get('/api/v1/orders?limit=1'),
    );
    expect(p1.items.map((o) => o.id)).toEqual([o2.id]);
    const p2 = await json<{ items: { id: string }[]; nextCursor: string | null }>(
      await a.c.get(`/api/v1/orders?limit=1&cursor=${p1.nextCursor}`),
    );
    expect(p2.items.map((o) => o.id)).toEqual([o1.id]);
    const one = await json<OrderView>(await a.c.get(`/api/v1/orders/${o2.id}`));
    expect(one.packs).toHaveLength(2);
    const demo = await t.login('demo@example.com');
    expect((await demo.get(`/api/v1/orders/${o2.id}`)).status).toBe(404);
  });

  it.each([
    ['an unknown label', 400, 'UNKNOWN_LABEL', { label: 'nope.nope', size: 1000, quantity: 1 }],
    ['a size the label does not sell', 400, 'UNKNOWN_TIER', { label: 'basic.selfie', size: 999, quantity: 1 }],
    ['a postpaid-only label', 400, 'UNKNOWN_TIER', { label: 'risk.face', size: 1000, quantity: 1 }],
    ['quantity 0', 400, 'INVALID_REQUEST', { label: 'basic.selfie', size: 1000, quantity: 0 }],
    ['quantity 101', 400, 'INVALID_REQUEST', { label: 'basic.selfie', size: 1000, quantity: 101 }],
    ['a fractional quantity', 400, 'INVALID_REQUEST', { label: 'basic.selfie', size: 1000, quantity: 1.5 }],
    ['a string quantity', 400, 'INVALID_REQUEST', { label: 'basic.selfie', size: 1000, quantity: '1' }],
  ] as const)('R3.3 refuses %s (%i %s) and changes nothing', async (_n, status, code, body) => {
    const demo = await t.login('demo@example.com');
    const before = await moneySnapshot(t, 'acct_demo');
    const res = await demo.post('/api/v1/orders', body, { 'idempotency-key': newKey() });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await json(res)).code).toBe(code);
    expect(await moneySnapshot(t, 'acct_demo')).toEqual(before);
  });

  it('R2.2 a voucher must be unused, unexpired and for the label’s product group (409 VOUCHER_NOT_USABLE); another account’s is 404', async () => {
    const demo = await t.login('demo@example.com');
    const before = await moneySnapshot(t, 'acct_demo');
    const attempt = async (voucherId: string, label = 'enhanced.selfie.wechat') => {
      const res = await demo.post(
        '/api/v1/orders',
        { label, size: 1000, quantity: 1, voucherId },
        { 'idempotency-key': newKey() },
      );
      return { status: res.status, code: (await json(res)).code };
    };
    // vch_demo_realname applies to realname products only.
    expect(await attempt('vch_demo_realname')).toEqual({ status: 409, code: 'VOUCHER_NOT_USABLE' });
    // Another account's voucher looks exactly like a missing one.
    expect(await attempt('vch_other')).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(await attempt('vch_nope')).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(await moneySnapshot(t, 'acct_demo')).toEqual(before);
    // Expired.
    await addVoucher({
      id: 'vch_demo_expired',
      accountId: 'acct_demo',
      faceValue: '10.0000',
      validForMs: -1000,
      productGroups: null,
    });
    expect(await attempt('vch_demo_expired')).toEqual({ status: 409, code: 'VOUCHER_NOT_USABLE' });
    // The realname voucher works on a realname label, consumed whole with no change (R2.2) ...
    const o = await buy(demo, { label: 'identity.basic', size: 1000, quantity: 1, voucherId: 'vch_demo_realname' });
    expect(o.paid.voucher).toBe('100.00');
    expect(o.amount).toBe('300.00');
    // ... and only once.
    expect(await attempt('vch_demo_realname', 'identity.basic')).toEqual({ status: 409, code: 'VOUCHER_NOT_USABLE' });
    await expectLedgerConsistent(t, 'acct_demo');
  });

  it('R2.2 a voucher larger than the order is consumed whole and gives no change', async () => {
    const a = await customer(t, { balances: { cash: '10.00' } });
    await addVoucher({
      id: `vch_big_${a.id}`,
      accountId: a.id,
      faceValue: '500.0000',
      validForMs: 86_400_000,
      productGroups: null,
    });
    const o = await buy(a.c, { label: 'basic.selfie', size: 1000, quantity: 1, voucherId: `vch_big_${a.id}` });
    expect(o.paid).toEqual({ voucher: '145.00', gift: '0.00', income: '0.00', cash: '0.00' });
    const acct = await json<{ balances: { cash: string } }>(await a.c.get('/api/v1/account'));
    expect(acct.balances.cash).toBe('10.00');
    await expectLedgerConsistent(t, a.id);
  });

  it('R2.3 402 INSUFFICIENT_BALANCE states the shortfall and changes nothing (voucher kept)', async () => {
    const a = await customer(t, { balances: { cash: '100.00', income: '20.00', gift: '5.00' } });
    await addVoucher({
      id: `vch_${a.id}`,
      accountId: a.id,
      faceValue: '10.0000',
      validForMs: 86_400_000,
      productGroups: null,
    });
    const before = await moneySnapshot(t, a.id);
    const res = await a.c.post(
      '/api/v1/orders',
      { label: 'basic.selfie', size: 1000, quantity: 1, voucherId: `vch_${a.id}` },
      { 'idempotency-key': newKey() },
    );
    expect(res.status).toBe(402);
    const p = await json<{ code: string; shortfall: string; amount: string; available: string; voucher: string }>(res);
    // 145.00 − voucher 10.00 − available 125.00 = 10.00 short.
    expect(p).toMatchObject({ code: 'INSUFFICIENT_BALANCE', amount: '145.00', voucher: '10.00', available: '125.00' });
    expect(p.shortfall).toBe('10.00');
    expect(await moneySnapshot(t, a.id)).toEqual(before);
    const [v] = await t.deps.db
      .select()
      .from(vouchers)
      .where(eq(vouchers.id, `vch_${a.id}`));
    expect(v?.usedOrderId).toBeNull();
    await expectLedgerConsistent(t, a.id);
  });

  it('R9.1 a viewer cannot buy (403) and nothing changes', async () => {
    const viewer = await t.login('viewer@example.com');
    const res = await viewer.post('/api/v1/orders', { label: 'basic.selfie', size: 1000, quantity: 1 });
    expect(res.status).toBe(403);
  });
});

describe('same-day coverage on delivery (R4.3)', () => {
  it("R4.3 moves the label's unsettled postpaid calls of the delivery day onto the new pack, and nothing else", async () => {
    const a = await customer(t, { balances: { cash: '1000.00' }, settledThrough: '2026-11-19' });
    const today = cstDate(t.clock.now());
    const mk = (id: string, label: string, at: string, outcome: 'postpaid' | 'free' = 'postpaid') => ({
      accountId: a.id,
      eventId: id,
      label,
      resourceId: `res-${a.id}-a`,
      result: outcome === 'free' ? 'timeout' : 'success',
      occurredAt: new Date(at),
      day: cstDate(new Date(at)),
      outcome,
      rule: 'postpaid_no_pack',
      receivedAt: new Date(at),
    });
    await t.deps.db
      .insert(usageEvents)
      .values([
        mk('today-1', 'basic.selfie', '2026-11-20T00:00:00+08:00'),
        mk('today-2', 'basic.selfie', '2026-11-20T08:30:00+08:00'),
        mk('today-3', 'basic.selfie', '2026-11-20T09:59:59+08:00'),
        mk('today-free', 'basic.selfie', '2026-11-20T09:00:00+08:00', 'free'),
        mk('today-other-label', 'identity.basic', '2026-11-20T09:00:00+08:00'),
        mk('yesterday', 'basic.selfie', '2026-11-19T23:59:59+08:00'),
      ]);
    expect(today).toBe('2026-11-20');
    const o = await buy(a.c, { label: 'basic.selfie', size: 1000, quantity: 1 });
    const packId = o.packs[0]?.id ?? '';
    // The answer already shows the covered calls: the pack has 3 used (so it is no longer refundable, R8.2).
    expect(o.packs[0]).toMatchObject({ used: 3, remaining: 997 });
    expect(o.packs[0]?.refund).toMatchObject({ eligible: false, reason: 'PACK_PARTIALLY_USED' });
    // Issue 15: the answer is built from what the transaction wrote, not read back; it is exactly what
    // reading the order back shows.
    const back = await a.c.get(`/api/v1/orders/${o.id}`);
    expect(back.status).toBe(200);
    expect(await back.json()).toEqual(o);
    const evs = await t.deps.db.select().from(usageEvents).where(eq(usageEvents.accountId, a.id));
    const by = new Map(evs.map((e) => [e.eventId, e]));
    for (const id of ['today-1', 'today-2', 'today-3']) {
      expect(by.get(id)).toMatchObject({ outcome: 'pack', rule: 'covered_on_delivery' });
      expect(by.get(id)?.packId?.toString()).toBe(packId);
    }
    expect(by.get('today-free')?.outcome).toBe('free');
    expect(by.get('today-other-label')?.outcome).toBe('postpaid');
    expect(by.get('yesterday')?.outcome).toBe('postpaid');
    await expectLedgerConsistent(t, a.id);
  });

  it('R4.3 a settled day is never re-covered', async () => {
    const a = await customer(t, { balances: { cash: '1000.00' }, settledThrough: '2026-11-20' });
    await t.deps.db.insert(usageEvents).values({
      accountId: a.id,
      eventId: 'settled-today',
      label: 'basic.selfie',
      resourceId: `res-${a.id}-a`,
      result: 'success',
      occurredAt: new Date('2026-11-20T08:00:00+08:00'),
      day: '2026-11-20',
      outcome: 'postpaid',
      receivedAt: new Date('2026-11-20T08:00:00+08:00'),
    });
    const o = await buy(a.c, { label: 'basic.selfie', size: 1000, quantity: 1 });
    expect(o.packs[0]?.used).toBe(0);
  });
});

describe('Idempotency-Key on POST /orders (api.md)', () => {
  it('the same key and body returns the first answer (status and body) and buys once', async () => {
    const a = await customer(t, { balances: { cash: '1000.00' } });
    const key = newKey();
    const body = { label: 'basic.selfie', size: 1000, quantity: 2 };
    const r1 = await a.c.post('/api/v1/orders', body, { 'idempotency-key': key });
    // Same body with the keys in another order is the same request.
    const r2 = await a.c.post(
      '/api/v1/orders',
      { quantity: 2, size: 1000, label: 'basic.selfie' },
      { 'idempotency-key': key },
    );
    expect(r1.status).toBe(201);
    expect(r2.status).toBe(201);
    expect(r2.headers.get('idempotent-replayed')).toBe('true');
    expect(await r2.json()).toEqual(await r1.json());
    expect((await moneySnapshot(t, a.id)).orders).toBe(1);
    await expectLedgerConsistent(t, a.id);
  });

  it('the same key with another body is 422 IDEMPOTENCY_KEY_REUSED and buys nothing more', async () => {
    const a = await customer(t, { balances: { cash: '1000.00' } });
    const key = newKey();
    await buy(a.c, { label: 'basic.selfie', size: 1000, quantity: 1 }, key);
    const before = await moneySnapshot(t, a.id);
    const res = await a.c.post(
      '/api/v1/orders',
      { label: 'basic.selfie', size: 1000, quantity: 3 },
      { 'idempotency-key': key },
    );
    expect(res.status).toBe(422);
    expect((await json(res)).code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await moneySnapshot(t, a.id)).toEqual(before);
  });

  it('a refused request does not burn its key: after a recharge the same key succeeds', async () => {
    const a = await customer(t, { balances: { cash: '100.00' } });
    const key = newKey();
    const body = { label: 'basic.selfie', size: 1000, quantity: 1 };
    expect((await a.c.post('/api/v1/orders', body, { 'idempotency-key': key })).status).toBe(402);
    expect((await a.c.post('/api/v1/account/recharge', { amount: '100.00' })).status).toBe(200);
    expect((await a.c.post('/api/v1/orders', body, { 'idempotency-key': key })).status).toBe(201);
    await expectLedgerConsistent(t, a.id);
  });

  it('without a key there is no dedupe (documented: the header is optional for API clients)', async () => {
    const a = await customer(t, { balances: { cash: '1000.00' } });
    await buy(a.c, { label: 'basic.selfie', size: 1000, quantity: 1 }, null);
    await buy(a.c, { label: 'basic.selfie', size: 1000, quantity: 1 }, null);
    expect((await moneySnapshot(t, a.id)).orders).toBe(2);
  });

  it('a malformed key is 400', async () => {
    const a = await customer(t, { balances: { cash: '1000.00' } });
    const res = await a.c.post(
      '/api/v1/orders',
      { label: 'basic.selfie', size: 1000, quantity: 1 },
      { 'idempotency-key': 'x'.repeat(300) },
    );
    expect(res.status).toBe(400);
  });
});

describe('account: recharge and the postpaid switch (R2.1, R4.4, R6.3)', () => {
  it('R2.1 a recharge adds to cash through the sandbox provider, once per Idempotency-Key', async () => {
    const a = await customer(t, { balances: { cash: '1.00', income: '2.00', gift: '3.00' } });
    const key = newKey();
    const r1 = await a.c.post('/api/v1/account/recharge', { amount: '100.50' }, { 'idempotency-key': key });
    const r2 = await a.c.post('/api/v1/account/recharge', { amount: '100.50' }, { 'idempotency-key': key });
    expect(r1.status).toBe(200);
    expect(r2.status).toBe(200);
    const b1 = await json<{ balances: Record<string, string> }>(r1);
    expect(b1.balances).toEqual({ cash: '101.50', income: '2.00', gift: '3.00', available: '106.50' });
    expect(await json(r2)).toEqual(b1);
    const r3 = await a.c.post('/api/v1/account/recharge', { amount: '1.00' }, { 'idempotency-key': key });
    expect(r3.status).toBe(422);
    await expectLedgerConsistent(t, a.id);
  });

  it.each([['0'], ['-5.00'], ['1.001'], ['abc']])('R2.1 refuses a recharge of %s (400)', async (amount) => {
    const a = await customer(t, { balances: { cash: '1.00' } });
    const res = await a.c.post('/api/v1/account/recharge', { amount });
    expect(res.status).toBe(400);
    expect((await json(res)).code).toBe('INVALID_REQUEST');
  });

  it.each([['arrears'], ['suspended']] as const)(
    'R6.3 a recharge that brings available to 0 or more resumes an account in %s',
    async (status) => {
      const a = await customer(t, { balances: { cash: '-50.00', gift: '10.00' }, status });
      // arrears_since / suspended_at as the arrears lifecycle would have set them.
      await t.deps.db
        .update(accounts)
        .set({ arrearsSince: t.clock.now(), suspendedAt: status === 'suspended' ? t.clock.now() : null })
        .where(eq(accounts.id, a.id));
      const short = await json<{ status: string }>(await a.c.post('/api/v1/account/recharge', { amount: '39.99' }));
      expect(short.status).toBe(status); // available −0.01: still owing
      const ok = await json<{ status: string; arrearsSince: string | null; balances: { available: string } }>(
        await a.c.post('/api/v1/account/recharge', { amount: '0.01' }),
      );
      expect(ok.balances.available).toBe('0.00');
      expect(ok.status).toBe('active');
      expect(ok.arrearsSince).toBeNull();
      await expectLedgerConsistent(t, a.id);
    },
  );

  it('R6.4 a released account is not resumed by a recharge (its postpaid configuration is gone)', async () => {
    const a = await customer(t, { balances: { cash: '-5.00' }, status: 'released' });
    const r = await json<{ status: string }>(await a.c.post('/api/v1/account/recharge', { amount: '10.00' }));
    expect(r.status).toBe('released');
  });

  it('R4.4 the owner switches postpaid off and on; a viewer may not (403); both recorded in the audit log', async () => {
    const demo = await t.login('demo@example.com');
    const off = await demo.patch('/api/v1/account', { postpaidEnabled: false });
    expect(off.status).toBe(200);
    expect((await json<{ postpaidEnabled: boolean }>(off)).postpaidEnabled).toBe(false);
    const on = await json<{ postpaidEnabled: boolean }>(await demo.patch('/api/v1/account', { postpaidEnabled: true }));
    expect(on.postpaidEnabled).toBe(true);
    const viewer = await t.login('viewer@example.com');
    expect((await viewer.patch('/api/v1/account', { postpaidEnabled: false })).status).toBe(403);
    expect((await viewer.post('/api/v1/account/recharge', { amount: '1.00' })).status).toBe(403);
    expect((await demo.patch('/api/v1/account', { postpaidEnabled: 'no' })).status).toBe(400);
    const audits = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.accountId, 'acct_demo'), eq(auditLog.action, 'account.postpaid')));
    expect(audits.length).toBeGreaterThanOrEqual(2);
  });
});

describe('seeded demo data stays consistent', () => {
  it('R2.4 the demo account’s balances equal its ledger after the seed and every test above', async () => {
    await expectLedgerConsistent(t, 'acct_demo');
    await expectLedgerConsistent(t, 'acct_other');
    expect(formatMoney4(0n)).toBe('0.0000');
  });
});
