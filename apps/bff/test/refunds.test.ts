import { auditLog, charges, ledgerEntries, notifications, packs, refunds, users, vouchers } from '@idv/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/use-cases/auth/sign-in.ts';
import { allPageItems, createTestApp, json, onPostgres, T0, type TestApp } from './harness.ts';
import {
  buy,
  cents,
  customer,
  expectLedgerConsistent,
  moneySnapshot,
  newKey,
  type PackView,
  type RefundView,
  refund,
} from './money-fixtures.ts';
import { ev, ingestOk } from './usage-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  // 30 connections on PostgreSQL so that 20 concurrent requests really run side by side.
  t = await createTestApp({ poolSize: 30 });
});
afterAll(async () => t?.close());
afterEach(() => t.clock.set(T0));

async function problem(res: Response) {
  return { status: res.status, ...(await json<{ code: string; detail: string }>(res)) };
}

describe('the 7-day window (R8.1)', () => {
  it('R8.1 delivered on day D at 23:59 → refundable at D+7 23:59:59, refused at D+8 00:00:00 (REFUND_WINDOW_CLOSED)', async () => {
    t.clock.set('2026-11-20T23:59:00+08:00');
    const a = await customer(t, { balances: { cash: '1000.00' } });
    const o = await buy(a.c, { label: 'basic.selfie', size: 1000, quantity: 2 });
    const [p1, p2] = o.packs;
    if (!p1 || !p2) throw new Error('two packs expected');
    expect(p1.refund.deadline).toBe('2026-11-27T23:59:59+08:00');

    t.clock.set('2026-11-27T23:59:59+08:00');
    const c7 = await t.login(a.email);
    const seen = await json<PackView>(await c7.get(`/api/v1/packs/${p1.id}`));
    expect(seen.refund).toMatchObject({ eligible: true, reason: null, amount: '145.00' });
    const ok = await refund(c7, p1.id);
    expect(ok.status).toBe(201);

    t.clock.set('2026-11-28T00:00:00+08:00');
    const c8 = await t.login(a.email);
    const late = await json<PackView>(await c8.get(`/api/v1/packs/${p2.id}`));
    expect(late.refund).toMatchObject({ eligible: false, reason: 'REFUND_WINDOW_CLOSED' });
    const res = await refund(c8, p2.id);
    expect(await problem(res)).toMatchObject({ status: 409, code: 'REFUND_WINDOW_CLOSED' });
    await expectLedgerConsistent(t, a.id);
  });
});

/** A customer with ¥1,000.00 cash who bought one basic.selfie pack of 1,000 calls, and that pack's id. */
async function boughtOnePack() {
  const a = await customer(t, { balances: { cash: '1000.00' } });
  const o = await buy(a.c, { label: 'basic.selfie', size: 1000, quantity: 1 });
  return { a, id: o.packs[0]?.id ?? '' };
}

describe('refusals (R8.2, R8.5): each has its own code and changes nothing', () => {
  it('R8.2 a pack with a call used → 409 PACK_PARTIALLY_USED', async () => {
    const { a, id } = await boughtOnePack();
    await t.deps.db
      .update(packs)
      .set({ used: 1 })
      .where(eq(packs.id, BigInt(id)));
    const before = await moneySnapshot(t, a.id);
    expect(await problem(await refund(a.c, id))).toMatchObject({ status: 409, code: 'PACK_PARTIALLY_USED' });
    expect(await moneySnapshot(t, a.id)).toEqual(before);
  });

  it('R8.2 a gift or promotion pack → 409 NOT_REFUNDABLE_GIFT', async () => {
    const demo = await t.login('demo@example.com');
    const list = await json<{ items: PackView[] }>(await demo.get('/api/v1/packs?source=gift&status=active'));
    const gift = list.items[0];
    if (!gift) throw new Error('the seed has an active promotion pack');
    expect(gift.refund.reason).toBe('NOT_REFUNDABLE_GIFT');
    const before = await moneySnapshot(t, 'acct_demo');
    expect(await problem(await refund(demo, gift.id))).toMatchObject({ status: 409, code: 'NOT_REFUNDABLE_GIFT' });
    expect(await moneySnapshot(t, 'acct_demo')).toEqual(before);
  });

  it('R8.4/R8.5 a second refund of the same pack → 409 ALREADY_REFUNDED; the first stays final', async () => {
    const { a, id } = await boughtOnePack();
    expect((await refund(a.c, id)).status).toBe(201);
    const before = await moneySnapshot(t, a.id);
    expect(await problem(await refund(a.c, id))).toMatchObject({ status: 409, code: 'ALREADY_REFUNDED' });
    expect(await moneySnapshot(t, a.id)).toEqual(before);
    const p = await json<PackView>(await a.c.get(`/api/v1/packs/${id}`));
    expect(p.status).toBe('refunded');
    expect(p.refund.reason).toBe('ALREADY_REFUNDED');
  });

  it('R8.2 campaign rules excluding refunds → 409 CAMPAIGN_EXCLUDED', async () => {
    const { a, id } = await boughtOnePack();
    await t.deps.db
      .update(packs)
      .set({ refundExcluded: true })
      .where(eq(packs.id, BigInt(id)));
    expect(await problem(await refund(a.c, id))).toMatchObject({ status: 409, code: 'CAMPAIGN_EXCLUDED' });
  });

  it('R8.2 the account-violation flag set by staff blocks every refund (ACCOUNT_VIOLATION) until cleared; audited', async () => {
    const { a, id } = await boughtOnePack();
    const agent = await t.login('agent@example.com');
    const set = await agent.put(`/api/v1/staff/accounts/${a.id}/violation`, {
      violation: true,
      reason: 'Fraudulent verification traffic',
    });
    expect(set.status).toBe(200);
    expect(await json(set)).toMatchObject({ accountId: a.id, violation: true });
    const seen = await json<PackView>(await a.c.get(`/api/v1/packs/${id}`));
    expect(seen.refund).toMatchObject({ eligible: false, reason: 'ACCOUNT_VIOLATION' });
    expect(await problem(await refund(a.c, id))).toMatchObject({ status: 409, code: 'ACCOUNT_VIOLATION' });
    await agent.put(`/api/v1/staff/accounts/${a.id}/violation`, { violation: false, reason: 'Cleared after review' });
    expect((await refund(a.c, id)).status).toBe(201);
    const audits = await t.deps.db.select().from(auditLog).where(eq(auditLog.accountId, a.id));
    const actions = audits.map((x) => x.action);
    expect(actions).toEqual(expect.arrayContaining(['staff.violation_set', 'staff.violation_cleared']));
    expect(audits.find((x) => x.action === 'staff.violation_set')).toMatchObject({
      actorId: 'usr_agent',
      actorKind: 'staff',
      reason: 'Fraudulent verification traffic',
    });
    expect(audits.filter((x) => x.action === 'refund.request').map((x) => x.outcome)).toEqual(
      expect.arrayContaining(['refused', 'ok']),
    );
  });

  it('R8.5 a staff refusal for suspected abuse → 409 REFUND_REFUSED, with the reason the customer sees', async () => {
    const { a, id } = await boughtOnePack();
    const agent = await t.login('agent@example.com');
    const r = await agent.post('/api/v1/staff/refund-refusals', {
      packId: id,
      reason: 'Repeated buy-and-refund cycles',
    });
    expect(r.status).toBe(201);
    expect(await json(r)).toMatchObject({ packId: id, accountId: a.id, reason: 'Repeated buy-and-refund cycles' });
    const seen = await json<PackView>(await a.c.get(`/api/v1/packs/${id}`));
    expect(seen.refund.reason).toBe('REFUND_REFUSED');
    expect(seen.refund.reasonText).toContain('Repeated buy-and-refund cycles');
    const p = await problem(await refund(a.c, id));
    expect(p).toMatchObject({ status: 409, code: 'REFUND_REFUSED' });
    expect(p.detail).toContain('Repeated buy-and-refund cycles');
    const [audit] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.accountId, a.id), eq(auditLog.action, 'staff.refund_refused')));
    expect(audit).toMatchObject({ actorId: 'usr_agent', reason: 'Repeated buy-and-refund cycles' });
  });

  it('R8.5 staff refusals and the violation flag need support_write; customers and read-only agents get 403', async () => {
    const demo = await t.login('demo@example.com');
    expect((await demo.post('/api/v1/staff/refund-refusals', { packId: '1', reason: 'abc' })).status).toBe(403);
    expect(
      (await demo.put('/api/v1/staff/accounts/acct_demo/violation', { violation: true, reason: 'abc' })).status,
    ).toBe(403);
    await t.deps.db.insert(users).values({
      id: 'usr_readonly_agent',
      email: 'readonly-agent@example.com',
      name: 'Read-only agent',
      passwordHash: await hashPassword('demo-pass-2026'),
      kind: 'staff',
      roles: ['support'],
    });
    const ro = await t.login('readonly-agent@example.com');
    expect(
      (await ro.put('/api/v1/staff/accounts/acct_demo/violation', { violation: true, reason: 'abc' })).status,
    ).toBe(403);
    const agent = await t.login('agent@example.com');
    expect(
      (await agent.put('/api/v1/staff/accounts/acct_nope/violation', { violation: true, reason: 'abc' })).status,
    ).toBe(404);
    expect((await agent.post('/api/v1/staff/refund-refusals', { packId: '999999999', reason: 'abc' })).status).toBe(
      404,
    );
  });

  it("another account's pack is 404 (never 403), a missing pack too; a viewer may not refund (403)", async () => {
    const other = await t.login('other@example.com');
    const theirs = await json<{ items: PackView[] }>(await other.get('/api/v1/packs?source=purchase'));
    const id = theirs.items[0]?.id ?? '';
    const demo = await t.login('demo@example.com');
    expect(await problem(await refund(demo, id))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect((await refund(demo, '999999999')).status).toBe(404);
    const viewer = await t.login('viewer@example.com');
    const mine = await json<{ items: PackView[] }>(await demo.get('/api/v1/packs?source=purchase'));
    expect((await refund(viewer, mine.items[0]?.id ?? '')).status).toBe(403);
    expect((await demo.post('/api/v1/refunds', { packId: 'abc' })).status).toBe(400);
  });
});

describe('what a refund returns (R8.3)', () => {
  type Mix = { name: string; balances: { cash?: string; income?: string; gift?: string }; voucher?: string };
  const mixes: Mix[] = [
    { name: 'cash only', balances: { cash: '1000.00' } },
    { name: 'gift only', balances: { gift: '500.00' } },
    { name: 'income only', balances: { income: '500.00' } },
    { name: 'gift + income + cash', balances: { gift: '100.01', income: '200.02', cash: '1000.00' } },
    { name: 'voucher + cash', balances: { cash: '1000.00' }, voucher: '33.33' },
    {
      name: 'voucher + gift + income + cash',
      balances: { gift: '0.05', income: '100.00', cash: '900.00' },
      voucher: '10.00',
    },
    { name: 'voucher + gift + income (no cash)', balances: { gift: '200.00', income: '300.00' }, voucher: '0.01' },
    { name: 'voucher covers everything', balances: { cash: '1.00' }, voucher: '1000.00' },
  ];

  it.each(mixes)(
    'R8.3 $name: a 3-pack order refunded pack by pack returns exactly what it took from each balance, never the voucher',
    async (m) => {
      const a = await customer(t, { balances: m.balances });
      let voucherId: string | undefined;
      if (m.voucher) {
        voucherId = `vch_${a.id}`;
        await t.deps.db.insert(vouchers).values({
          id: voucherId,
          accountId: a.id,
          faceValue: m.voucher,
          expiresAt: new Date(t.clock.now().getTime() + 86_400_000),
          productGroups: null,
        });
      }
      const start = await json<{ balances: { cash: string; income: string; gift: string } }>(
        await a.c.get('/api/v1/account'),
      );
      // 3 × 145.00 = 435.00, paid in the order of R2.3.
      const o = await buy(a.c, { label: 'basic.selfie', size: 1000, quantity: 3, ...(voucherId ? { voucherId } : {}) });
      const paid = o.paid;
      expect(cents(paid.voucher) + cents(paid.gift) + cents(paid.income) + cents(paid.cash)).toBe(cents(o.amount));
      const sum = { cash: 0n, income: 0n, gift: 0n };
      for (const p of o.packs) {
        // R8.4 the amount and split shown before confirming are exactly what the refund returns.
        const preview = await json<PackView>(await a.c.get(`/api/v1/packs/${p.id}`));
        const res = await refund(a.c, p.id);
        expect(res.status).toBe(201);
        const r = await json<RefundView>(res);
        expect(r.returned).toEqual(preview.refund.split);
        expect(r.amount).toBe(preview.refund.amount);
        expect(cents(r.amount)).toBe(cents(r.returned.cash) + cents(r.returned.income) + cents(r.returned.gift));
        sum.cash += cents(r.returned.cash);
        sum.income += cents(r.returned.income);
        sum.gift += cents(r.returned.gift);
        await expectLedgerConsistent(t, a.id);
      }
      // No cent lost or made: per balance, the refunds add up to the order's split.
      expect(sum).toEqual({ cash: cents(paid.cash), income: cents(paid.income), gift: cents(paid.gift) });
      // Balances are back where they started; only the voucher is gone (R2.2).
      const end = await json<{ balances: { cash: string; income: string; gift: string } }>(
        await a.c.get('/api/v1/account'),
      );
      expect({ cash: end.balances.cash, income: end.balances.income, gift: end.balances.gift }).toEqual({
        cash: start.balances.cash,
        income: start.balances.income,
        gift: start.balances.gift,
      });
      if (voucherId) {
        const [v] = await t.deps.db.select().from(vouchers).where(eq(vouchers.id, voucherId));
        expect(v?.usedOrderId).toBe(o.id);
      }
      await expectLedgerConsistent(t, a.id);
    },
  );

  it('R8.3 uneven cents are shared largest-remainder: parts differ by at most one cent and add up exactly', async () => {
    const a = await customer(t, { balances: { gift: '100.01', income: '200.02', cash: '1000.00' } });
    const o = await buy(a.c, { label: 'basic.selfie', size: 1000, quantity: 3 });
    expect(o.paid).toEqual({ voucher: '0.00', gift: '100.01', income: '200.02', cash: '134.97' });
    const shares = o.packs.map((p) => p.refund.split);
    expect(shares.map((s) => s?.gift)).toEqual(['33.34', '33.34', '33.33']);
    expect(shares.map((s) => s?.income)).toEqual(['66.68', '66.67', '66.67']);
    expect(shares.map((s) => s?.cash)).toEqual(['44.99', '44.99', '44.99']);
  });

  it('R5.5/R7 a refund writes a negative refund line, the ledger entries, one notice, an audit row, and appears in GET /refunds', async () => {
    const a = await customer(t, { balances: { gift: '10.00', cash: '1000.00' } });
    const o = await buy(a.c, { label: 'basic.selfie', size: 1000, quantity: 2 });
    const id = o.packs[1]?.id ?? '';
    const r = await json<RefundView>(await refund(a.c, id));
    expect(r).toMatchObject({
      packId: id,
      orderId: o.id,
      amount: '145.00',
      returned: { gift: '5.00', income: '0.00', cash: '140.00' },
    });
    const lines = await t.deps.db
      .select()
      .from(charges)
      .where(and(eq(charges.accountId, a.id), eq(charges.transactionType, 'refund')));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ billingMode: 'prepaid', quantity: 1, orderId: o.id, label: 'basic.selfie' });
    expect(lines[0]?.packId?.toString()).toBe(id);
    expect(Number.parseFloat(lines[0]?.amount ?? '0')).toBeLessThan(0);
    expect(lines[0]?.amount).toBe('-145.0000');
    expect(lines[0]?.paidGift).toBe('-5.0000');
    expect(lines[0]?.paidCash).toBe('-140.0000');
    expect(lines[0]?.paidVoucher).toBe('0.0000');
    const entries = await t.deps.db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.accountId, a.id), eq(ledgerEntries.reason, 'refund')));
    expect(entries.map((e) => [e.balance, e.amount]).sort()).toEqual([
      ['cash', '140.0000'],
      ['gift', '5.0000'],
    ]);
    const notes = await t.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.accountId, a.id), eq(notifications.kind, 'refund_completed')));
    expect(notes.map((n) => n.cause)).toEqual([`refund:${id}`]);
    const list = await json<{ items: RefundView[]; nextCursor: string | null }>(await a.c.get('/api/v1/refunds'));
    expect(list.items.map((x) => x.id)).toEqual([r.id]);
    expect(list.nextCursor).toBeNull();
    await expectLedgerConsistent(t, a.id);
  });

  it('GET /refunds pages with a cursor, newest first', async () => {
    const a = await customer(t, { balances: { cash: '1000.00' } });
    const o = await buy(a.c, { label: 'basic.selfie', size: 1000, quantity: 3 });
    const ids: string[] = [];
    for (const p of o.packs) {
      t.clock.advance(1000);
      ids.push((await json<RefundView>(await refund(a.c, p.id))).id);
    }
    const seen = (await allPageItems<RefundView>(a.c, '/api/v1/refunds?limit=2')).map((x) => x.id);
    expect(seen).toEqual([...ids].reverse());
  });
});

describe('Idempotency-Key on POST /refunds (api.md)', () => {
  it('the same key returns the first refund again; with another pack it is 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const a = await customer(t, { balances: { cash: '1000.00' } });
    const o = await buy(a.c, { label: 'basic.selfie', size: 1000, quantity: 2 });
    const key = newKey();
    const r1 = await refund(a.c, o.packs[0]?.id ?? '', key);
    const r2 = await refund(a.c, o.packs[0]?.id ?? '', key);
    expect([r1.status, r2.status]).toEqual([201, 201]);
    expect(await r2.json()).toEqual(await r1.json());
    const r3 = await refund(a.c, o.packs[1]?.id ?? '', key);
    expect(await problem(r3)).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect((await moneySnapshot(t, a.id)).refunds).toBe(1);
    await expectLedgerConsistent(t, a.id);
  });
});

// PGlite runs one transaction at a time, so races cannot happen there; these prove R8.5 and the
// exactly-once Idempotency-Key under real concurrency, with many connections on PostgreSQL.
describe.runIf(onPostgres)('under concurrency on PostgreSQL (R8.5, api.md idempotency)', () => {
  it('R8.5 20 concurrent refund requests for one pack, 50 times over → exactly one success each time', async () => {
    const a = await customer(t, { balances: { cash: '100000.00' } });
    const start = await json<{ balances: Record<string, string> }>(await a.c.get('/api/v1/account'));
    const o = await buy(a.c, { label: 'basic.selfie', size: 1000, quantity: 50 });
    for (const p of o.packs) {
      const answers = await Promise.all(Array.from({ length: 20 }, () => refund(a.c, p.id)));
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(19);
      for (const r of answers.filter((x) => x.status === 409)) expect((await json(r)).code).toBe('ALREADY_REFUNDED');
    }
    const rows = await t.deps.db.select().from(refunds).where(eq(refunds.accountId, a.id));
    expect(rows).toHaveLength(50);
    const end = await json<{ balances: Record<string, string> }>(await a.c.get('/api/v1/account'));
    expect(end.balances).toEqual(start.balances);
    await expectLedgerConsistent(t, a.id);
  });

  it('R8.5 a refund racing a usage event on a fresh pack → exactly one of them wins, 20 times over', async () => {
    // Postpaid off: a call that loses the race is refused (NO_QUOTA) instead of falling to postpaid,
    // where same-day coverage (R4.3) would move it onto the next round's fresh pack.
    const a = await customer(t, { balances: { cash: '100000.00' }, postpaidEnabled: false });
    const wins = { refund: 0, usage: 0 };
    for (let i = 0; i < 20; i++) {
      t.clock.advance(1000);
      const o = await buy(a.c, { label: 'basic.selfie', size: 1000, quantity: 1 });
      const id = o.packs[0]?.id ?? '';
      const at = t.clock.now().toISOString();
      const [r, outcomes] = await Promise.all([
        refund(a.c, id),
        ingestOk(t, a.key, [ev(`race-${i}`, 'basic.selfie', `res-${a.id}-a`, at)]),
      ]);
      const out = outcomes[0];
      const [row] = await t.deps.db
        .select()
        .from(packs)
        .where(eq(packs.id, BigInt(id)));
      if (r.status === 201) {
        wins.refund++;
        // The refund won: the call did not land on the refunded pack.
        expect(out).toMatchObject({ outcome: 'rejected', code: 'NO_QUOTA' });
        expect(row).toMatchObject({ status: 'refunded', used: 0 });
      } else {
        wins.usage++;
        expect((await json(r)).code).toBe('PACK_PARTIALLY_USED');
        expect(out).toMatchObject({ outcome: 'pack', packId: id });
        expect(row).toMatchObject({ status: 'active', used: 1 });
        // Retire the used pack so the next round's call goes to the next fresh pack.
        await t.deps.db
          .update(packs)
          .set({ status: 'expired' })
          .where(eq(packs.id, BigInt(id)));
      }
    }
    expect(wins.refund + wins.usage).toBe(20);
    await expectLedgerConsistent(t, a.id);
  });

  it('the same Idempotency-Key sent 10 times at once → one order, identical answers (10 rounds)', async () => {
    const a = await customer(t, { balances: { cash: '100000.00' } });
    for (let round = 0; round < 10; round++) {
      const key = newKey();
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          a.c.post('/api/v1/orders', { label: 'basic.selfie', size: 1000, quantity: 2 }, { 'idempotency-key': key }),
        ),
      );
      expect(answers.map((r) => r.status)).toEqual(Array(10).fill(201));
      const bodies = await Promise.all(answers.map((r) => r.json()));
      for (const b of bodies) expect(b).toEqual(bodies[0]);
    }
    expect((await moneySnapshot(t, a.id)).orders).toBe(10);
    expect((await moneySnapshot(t, a.id)).packs).toBe(20);
    await expectLedgerConsistent(t, a.id);
  });

  it('the same Idempotency-Key on concurrent refunds → one refund, identical answers', async () => {
    const a = await customer(t, { balances: { cash: '10000.00' } });
    const o = await buy(a.c, { label: 'basic.selfie', size: 1000, quantity: 1 });
    const key = newKey();
    const answers = await Promise.all(Array.from({ length: 10 }, () => refund(a.c, o.packs[0]?.id ?? '', key)));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(201));
    const bodies = await Promise.all(answers.map((r) => r.json()));
    for (const b of bodies) expect(b).toEqual(bodies[0]);
    expect((await moneySnapshot(t, a.id)).refunds).toBe(1);
    await expectLedgerConsistent(t, a.id);
  });

  it('concurrent orders never overspend: 20 orders of 145.00 against 1000.00 → exactly 6 succeed, the rest 402', async () => {
    const a = await customer(t, { balances: { cash: '1000.00' } });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        a.c.post('/api/v1/orders', { label: 'basic.selfie', size: 1000, quantity: 1 }, { 'idempotency-key': newKey() }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(6);
    expect(statuses.filter((s) => s === 402)).toHaveLength(14);
    const acct = await json<{ balances: { cash: string } }>(await a.c.get('/api/v1/account'));
    expect(acct.balances.cash).toBe('130.00');
    await expectLedgerConsistent(t, a.id);
  });
});
