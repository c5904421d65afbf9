import { accounts, monthlyPriceTiers, notifications, settlements } from '@idv/db';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { runAccountJobs, tick } from '../src/jobs/scheduler.ts';
import { settlePeriod } from '../src/use-cases/settlement/settle-period.ts';
import { json, T0, useTestApp } from './harness.ts';
import {
  accountRow,
  addPack,
  chargesOf,
  createAccount,
  cst,
  ev,
  expectLedgerConsistent,
  ingestMany,
  ingestOk,
  sumAmounts,
} from './usage-fixtures.ts';

// Calls are made on 2026-11-20 (the harness clock starts at 10:00 CST that day); day 2026-11-20 is
// settled at 2026-11-21 08:00 CST (R5.1).
const DAY = '2026-11-20';
const DUE = cst('2026-11-21T08:00:00');
const SETTLED = { settledThrough: '2026-11-19' };

const t = useTestApp();

/** `n` successful `label` calls on `resourceId` during CST `day`, event ids `${prefix}-…`, sent with `key`. */
const callsOn = (day: string, key: string, n: number, prefix: string, label: string, resourceId: string) =>
  ingestMany(t, key, n, { prefix, label, resourceId, day });

/** A tier's price as the catalog API states it (R3.1). */
async function catalogPrice(code: string, size: number): Promise<string | undefined> {
  const owner = await t.login('demo@example.com');
  const catalog = await json<{ items: { code: string; tiers: { size: number; price: string }[] }[] }>(
    await owner.get('/api/v1/catalog'),
  );
  return catalog.items.find((i) => i.code === code)?.tiers.find((x) => x.size === size)?.price;
}
beforeEach(() => t.clock.set(T0));

const MINE = new Set(['daily_settlement', 'monthly_settlement', 'arrears']);

/** Runs every registered job at `at`; returns what the settlement jobs (this issue) reported. */
async function settleAt(accountId: string, at: Date) {
  t.clock.set(at);
  return (await runAccountJobs(t.deps, accountId, at)).filter((h) => MINE.has(h.kind));
}

describe('R5.4 worked examples, through ingest and the settlement job, to the cent', () => {
  it('R5.4 daily postpaid: 1,000 identity.basic calls × 0.3 = 300.00, paid gift → income → cash (R2.3)', async () => {
    const a = await createAccount(t, { ...SETTLED, balances: { cash: '1000.00', income: '50.00', gift: '100.00' } });
    const out = await callsOn(DAY, a.key, 1000, 'ib', 'identity.basic', a.resources[0]);
    expect(out.every((o) => o.outcome === 'postpaid')).toBe(true);
    expect(await settleAt(a.id, new Date(DUE.getTime() - 1))).toEqual([]);
    const happened = await settleAt(a.id, DUE);
    expect(happened.map((h) => h.kind)).toEqual(['daily_settlement']);
    const lines = await chargesOf(t, a.id, 'daily_settlement');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      label: 'identity.basic',
      product: 'realname',
      resourceId: a.resources[0],
      billingMode: 'postpaid',
      unitPrice: '0.3000',
      quantity: 1000,
      amount: '300.0000',
      paidGift: '100.0000',
      paidIncome: '50.0000',
      paidCash: '150.0000',
      month: '2026-11',
    });
    expect(lines[0]?.occurredAt.getTime()).toBe(DUE.getTime());
    const acct = await accountRow(t, a.id);
    expect(acct).toMatchObject({
      cash: '850.0000',
      income: '0.0000',
      gift: '0.0000',
      settledThrough: DAY,
      status: 'active',
    });
    await expectLedgerConsistent(t, a.id);
  });

  it('R5.4 daily postpaid: 30,000 mobile.2factor calls × 0.4 = 12,000.00, one line per label and resource', async () => {
    const a = await createAccount(t, { ...SETTLED, balances: { cash: '20000.00' } });
    await callsOn(DAY, a.key, 20_000, 'm2a', 'mobile.2factor', a.resources[0]);
    await callsOn(DAY, a.key, 10_000, 'm2b', 'mobile.2factor', a.resources[1]);
    await settleAt(a.id, DUE);
    const lines = await chargesOf(t, a.id, 'daily_settlement');
    expect(lines.map((l) => [l.resourceId, l.quantity, l.amount]).sort()).toEqual(
      [
        [a.resources[0], 20_000, '8000.0000'],
        [a.resources[1], 10_000, '4000.0000'],
      ].sort(),
    );
    expect(sumAmounts(lines)).toBe('12000.00');
    expect((await accountRow(t, a.id)).cash).toBe('8000.0000');
    await expectLedgerConsistent(t, a.id);
  });

  it('R5.4 1,000 risk.face calls × 0.0035 = 3.50; R5.1 each line rounds half-up (10 calls = 0.035 → 0.04)', async () => {
    const a = await createAccount(t, { ...SETTLED, balances: { cash: '10.00' } });
    await callsOn(DAY, a.key, 1000, 'rf', 'risk.face', a.resources[0]);
    await callsOn(DAY, a.key, 10, 'rg', 'risk.face', a.resources[1]);
    await settleAt(a.id, DUE);
    const lines = await chargesOf(t, a.id, 'daily_settlement');
    const byRes = new Map(lines.map((l) => [l.resourceId, l]));
    expect(byRes.get(a.resources[0])).toMatchObject({ unitPrice: '0.0035', quantity: 1000, amount: '3.5000' });
    expect(byRes.get(a.resources[1])).toMatchObject({ quantity: 10, amount: '0.0400' });
    expect((await accountRow(t, a.id)).cash).toBe('6.4600');
    await expectLedgerConsistent(t, a.id);
  });

  it('R5.4 15,000 enhanced.authority calls with one 10,000-call pack (11,000.00): 5,000 × 1.2 + 11,000 = 17,000.00', async () => {
    const price = await catalogPrice('enhanced.authority.wechat', 10_000);
    expect(price).toBe('11000.00');
    const a = await createAccount(t, { ...SETTLED, balances: { cash: '20000.00' } });
    const pack = await addPack(t, a.id, {
      label: 'enhanced.authority.wechat',
      total: 10_000,
      acquiredAt: cst('2026-11-02T10:00:00'),
      price: price ?? '',
    });
    const out = await callsOn(DAY, a.key, 15_000, 'ea', 'enhanced.authority.wechat', a.resources[0]);
    expect(out.filter((o) => o.outcome === 'pack')).toHaveLength(10_000);
    expect(out.filter((o) => o.outcome === 'postpaid')).toHaveLength(5_000);
    await settleAt(a.id, DUE);
    const all = await chargesOf(t, a.id);
    expect(all.find((c) => c.transactionType === 'daily_settlement')).toMatchObject({
      quantity: 5000,
      amount: '6000.0000',
    });
    // R5.5 the pack's calls show as a zero-cost prepaid row linked to its order.
    expect(all.find((c) => c.transactionType === 'pack_deduction')).toMatchObject({
      billingMode: 'prepaid',
      quantity: 10_000,
      amount: '0.0000',
      packId: pack,
      resourceId: a.resources[0],
    });
    expect(all.find((c) => c.transactionType === 'pack_deduction')?.orderId).toBeTruthy();
    expect(sumAmounts(all.filter((c) => c.month === '2026-11'))).toBe('17000.00');
    expect((await accountRow(t, a.id)).cash).toBe('3000.0000');
    await expectLedgerConsistent(t, a.id);
  });

  it('R5.4 300,000 calls a year as 3 packs of 100,000 cost 3 × 100,000 = 300,000.00 and nothing postpaid', async () => {
    const price = await catalogPrice('enhanced.authority.app', 100_000);
    expect(price).toBe('100000.00');
    const a = await createAccount(t, { ...SETTLED, balances: { cash: '300000.00' } });
    const ids: bigint[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(
        await addPack(t, a.id, {
          label: 'enhanced.authority.app',
          total: 100_000,
          acquiredAt: cst('2026-11-02T10:00:00'),
          price: price ?? '',
        }),
      );
    }
    // R4.2 same source, expiry and acquisition: the lowest id first. (A year of calls is 300 batches; a
    // sample shows where they go and that none is billed postpaid.)
    const out = await callsOn(DAY, a.key, 2000, 'y', 'enhanced.authority.app', a.resources[0]);
    expect(new Set(out.map((o) => o.packId))).toEqual(new Set([ids[0]?.toString()]));
    await settleAt(a.id, DUE);
    const all = await chargesOf(t, a.id);
    expect(all.filter((c) => c.transactionType === 'daily_settlement')).toHaveLength(0);
    expect(sumAmounts(all)).toBe('300000.00');
    expect((await accountRow(t, a.id)).cash).toBe('0.0000');
    await expectLedgerConsistent(t, a.id);
  });
});

describe('R5.3 idempotent settlement and catch-up', () => {
  it('R5.3 settlement run twice (and concurrently) charges once', async () => {
    const a = await createAccount(t, { ...SETTLED, balances: { cash: '1000.00' } });
    await callsOn(DAY, a.key, 100, 'tw', 'identity.basic', a.resources[0]);
    t.clock.set(DUE);
    await Promise.all([runAccountJobs(t.deps, a.id, DUE), runAccountJobs(t.deps, a.id, DUE)]);
    expect(await settleAt(a.id, DUE)).toEqual([]);
    expect(await settlePeriod(t.deps, a.id, { kind: 'daily', day: DAY })).toEqual([]);
    expect(await chargesOf(t, a.id, 'daily_settlement')).toHaveLength(1);
    expect(await t.deps.db.select().from(settlements).where(eq(settlements.accountId, a.id))).toHaveLength(1);
    expect((await accountRow(t, a.id)).cash).toBe('970.0000');
    await expectLedgerConsistent(t, a.id);
  });

  it('R5.3 a missed morning catches up: the clock jumps 3 days → 3 settlements, each dated at its due time', async () => {
    const a = await createAccount(t, { ...SETTLED, balances: { cash: '1000.00' } });
    for (const [i, day] of ['2026-11-20', '2026-11-21', '2026-11-22'].entries()) {
      t.clock.set(cst(`${day}T10:00:00`));
      await ingestMany(t, a.key, 10 * (i + 1), {
        prefix: `cu${i}`,
        label: 'identity.basic',
        resourceId: a.resources[0],
        day,
      });
    }
    const happened = await settleAt(a.id, cst('2026-11-23T09:30:00'));
    expect(happened.map((h) => [h.kind, h.at])).toEqual([
      ['daily_settlement', '2026-11-21T08:00:00+08:00'],
      ['daily_settlement', '2026-11-22T08:00:00+08:00'],
      ['daily_settlement', '2026-11-23T08:00:00+08:00'],
    ]);
    const rows = await t.deps.db.select().from(settlements).where(eq(settlements.accountId, a.id));
    expect(rows.map((r) => [r.period, r.settledAt.toISOString(), r.calls, r.amount]).sort()).toEqual([
      ['2026-11-20', cst('2026-11-21T08:00:00').toISOString(), 10, '3.0000'],
      ['2026-11-21', cst('2026-11-22T08:00:00').toISOString(), 20, '6.0000'],
      ['2026-11-22', cst('2026-11-23T08:00:00').toISOString(), 30, '9.0000'],
    ]);
    const lines = await chargesOf(t, a.id, 'daily_settlement');
    expect(lines.map((l) => l.occurredAt.toISOString()).sort()).toEqual(
      rows.map((r) => r.settledAt.toISOString()).sort(),
    );
    expect((await accountRow(t, a.id)).settledThrough).toBe('2026-11-22');
    await expectLedgerConsistent(t, a.id);
  });

  it('R5.1/R4.6 a day without postpaid calls is still closed; its late events are then DAY_SETTLED', async () => {
    const a = await createAccount(t, SETTLED);
    await settleAt(a.id, DUE);
    const [row] = await t.deps.db.select().from(settlements).where(eq(settlements.accountId, a.id));
    expect(row).toMatchObject({ period: DAY, amount: '0.0000', calls: 0 });
    expect(await chargesOf(t, a.id)).toHaveLength(0);
    const out = await ingestOk(t, a.key, [ev('late', 'identity.basic', a.resources[0], `${DAY}T23:00:00+08:00`)]);
    expect(out[0]).toEqual({ id: 'late', outcome: 'rejected', code: 'DAY_SETTLED' });
  });

  it('R6.1 a settlement that drives the balance below 0 puts the account in arrears with one notice', async () => {
    const a = await createAccount(t, { ...SETTLED, balances: { cash: '100.00', gift: '20.00' } });
    await callsOn(DAY, a.key, 1000, 'dbt', 'identity.basic', a.resources[0]);
    const happened = await settleAt(a.id, DUE);
    expect(happened.map((h) => h.kind)).toEqual(['daily_settlement', 'arrears']);
    const acct = await accountRow(t, a.id);
    expect(acct).toMatchObject({ status: 'arrears', cash: '-180.0000', gift: '0.0000' });
    expect(acct.arrearsSince?.getTime()).toBe(DUE.getTime());
    const [line] = await chargesOf(t, a.id, 'daily_settlement');
    expect(line).toMatchObject({ amount: '300.0000', paidGift: '20.0000', paidCash: '280.0000' });
    const notes = (await t.deps.db.select().from(notifications).where(eq(notifications.accountId, a.id))).filter(
      (n) => n.kind === 'arrears',
    );
    expect(notes.map((n) => [n.kind, n.cause])).toEqual([['arrears', `arrears:${DUE.toISOString()}`]]);
    expect(notes[0]?.bodyEn).toMatch(/-¥180\.00/);
    expect(notes[0]?.bodyEn).toContain('2026-11-22 08:00:00');
    await expectLedgerConsistent(t, a.id);
  });
});

describe('R5.2 monthly settlement', () => {
  it('R5.2 bills the previous month on the 1st at 08:00 at the tier the label’s month total reaches', async () => {
    const a = await createAccount(t, {
      settlement: 'monthly',
      activatedAt: cst('2022-05-01T10:00:00'),
      settledThrough: '2026-10-31',
      balances: { cash: '1000.00' },
    });
    await t.deps.db
      .insert(monthlyPriceTiers)
      .values([
        { label: 'bankcard.basic', fromCalls: 1000, unitPrice: '0.2500' },
        { label: 'bankcard.basic', fromCalls: 5000, unitPrice: '0.2000' },
      ])
      .onConflictDoNothing();
    await ingestMany(t, a.key, 700, {
      prefix: 'bb1',
      label: 'bankcard.basic',
      resourceId: a.resources[0],
      day: '2026-11-20',
    });
    await ingestMany(t, a.key, 500, {
      prefix: 'bb2',
      label: 'bankcard.basic',
      resourceId: a.resources[1],
      day: '2026-11-20',
    });
    await ingestMany(t, a.key, 100, {
      prefix: 'rf',
      label: 'risk.face',
      resourceId: a.resources[0],
      day: '2026-11-20',
    });
    // The daily job leaves monthly accounts alone; nothing is due before 2026-12-01 08:00.
    expect(await settleAt(a.id, cst('2026-12-01T07:59:59'))).toEqual([]);
    const happened = await settleAt(a.id, cst('2026-12-01T08:00:00'));
    expect(happened.map((h) => [h.kind, h.at])).toEqual([['monthly_settlement', '2026-12-01T08:00:00+08:00']]);
    const lines = await chargesOf(t, a.id, 'monthly_settlement');
    const key = (l: { label: string; resourceId: string | null }) => `${l.label}|${l.resourceId}`;
    const byKey = new Map(lines.map((l) => [key(l), l]));
    // 1,200 bankcard.basic calls reach the 1,000 tier: every call at 0.25 (阶梯到达).
    expect(byKey.get(`bankcard.basic|${a.resources[0]}`)).toMatchObject({
      unitPrice: '0.2500',
      quantity: 700,
      amount: '175.0000',
    });
    expect(byKey.get(`bankcard.basic|${a.resources[1]}`)).toMatchObject({
      unitPrice: '0.2500',
      quantity: 500,
      amount: '125.0000',
    });
    // No tier table: the plain price. 100 × 0.0035 = 0.35.
    expect(byKey.get(`risk.face|${a.resources[0]}`)).toMatchObject({ unitPrice: '0.0035', amount: '0.3500' });
    const [row] = await t.deps.db.select().from(settlements).where(eq(settlements.accountId, a.id));
    expect(row).toMatchObject({ kind: 'monthly', period: '2026-11', amount: '300.3500', calls: 1300 });
    expect((await accountRow(t, a.id)).settledThrough).toBe('2026-11-30');
    expect(await settleAt(a.id, cst('2026-12-20T08:00:00'))).toEqual([]);
    await expectLedgerConsistent(t, a.id);
  });
});

describe('scheduler', () => {
  it('R9.3 tick settles real accounts at the system clock and never touches demo tenants', async () => {
    const real = await createAccount(t, { ...SETTLED, balances: { cash: '100.00' } });
    const demo = await createAccount(t, SETTLED);
    await t.deps.db
      .update(accounts)
      .set({ isDemo: true, simulatedNow: cst('2026-11-20T10:00:00') })
      .where(eq(accounts.id, demo.id));
    await callsOn(DAY, real.key, 10, 'tk', 'identity.basic', real.resources[0]);
    await callsOn(DAY, demo.key, 10, 'tk', 'identity.basic', demo.resources[0]);
    t.clock.set(cst('2026-11-21T08:00:05'));
    const r = await tick(t.deps);
    expect(r.failed).toEqual([]);
    expect((await accountRow(t, real.id)).settledThrough).toBe(DAY);
    expect((await accountRow(t, demo.id)).settledThrough).toBe('2026-11-19');
    expect((await tick(t.deps)).happened.filter((h) => MINE.has(h.kind))).toEqual([]);
  });
});
