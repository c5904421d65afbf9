import type { UsageInjection } from '@idv/contracts';
import { accounts, charges, ledgerEntries, notifications, packs, resources, rows, settlements, users } from '@idv/db';
import { asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { generateUsage } from '../src/demo/usage-generator.ts';
import { runAccountJobs } from '../src/jobs/scheduler.ts';
import { hashPassword } from '../src/use-cases/auth/sign-in.ts';
import { issueServiceKey } from '../src/use-cases/resources/create-service-key.ts';
import { type Client, json, useTestApp } from './harness.ts';

/**
 * Issue 5: advancing a demo clock produces exactly the settlements, notices and state changes that the
 * same inputs produce on a real account driven by a ticking clock (the scheduler's way), down to the
 * ledger. Same activation, same usage (the deterministic injector), same purchases and recharges at
 * the same instants; then every observable row is compared, ids aside.
 */
const S = new Date('2026-11-20T10:00:00+08:00');
const at = (hours: number) => new Date(S.getTime() + hours * 3_600_000);
const RECHARGE_1 = at(1);
const RECHARGE_2 = at(50);
const END = at(5 * 24);

const t = useTestApp({ now: S.toISOString(), config: { trialGrantDelayMs: 30 * 60_000 } });

function injections(res: string[]): UsageInjection[] {
  const [a = '', b = '', c = ''] = res;
  return [
    { label: 'identity.basic', resourceId: a, callsPerDay: 400, nonBillableShare: '0.05' },
    { label: 'nfc.idcard', resourceId: b, callsPerDay: 60, nonBillableShare: '0' },
    { label: 'enhanced.authority.wechat', resourceId: c, callsPerDay: 30, nonBillableShare: '0.1' },
  ];
}

async function moneySteps(c: Client, step: 'first' | 'second') {
  const key = (s: string) => ({ 'Idempotency-Key': `${step}-${s}-${Math.random()}` });
  if (step === 'first') {
    expect((await c.post('/api/v1/account/recharge', { amount: '300.00' }, key('r'))).status).toBe(200);
    expect(
      (await c.post('/api/v1/orders', { label: 'identity.basic', size: 1000, quantity: 1 }, key('o'))).status,
    ).toBe(201);
  } else {
    expect((await c.post('/api/v1/account/recharge', { amount: '500.00' }, key('r'))).status).toBe(200);
  }
}

/** Every observable row of an account, with ids replaced by what they mean. */
async function snapshot(accountId: string) {
  const db = t.deps.db;
  const aliases = new Map(
    (await db.select().from(resources).where(eq(resources.accountId, accountId))).map((r) => [r.id, r.alias]),
  );
  const packRows = await db.select().from(packs).where(eq(packs.accountId, accountId)).orderBy(asc(packs.id));
  const packName = new Map(packRows.map((p, i) => [p.id.toString(), `pack${i}`]));
  const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  const ledger = (await db.select().from(ledgerEntries).where(eq(ledgerEntries.accountId, accountId)))
    .map((l) => `${l.createdAt.toISOString()} ${l.balance} ${l.reason} ${l.amount}`)
    .sort();
  const stl = (await db.select().from(settlements).where(eq(settlements.accountId, accountId)))
    .map((x) => `${x.kind} ${x.period} ${x.amount} ${x.calls} ${x.settledAt.toISOString()}`)
    .sort();
  const bill = (await db.select().from(charges).where(eq(charges.accountId, accountId)))
    .map(
      (c) =>
        `${c.occurredAt.toISOString()} ${c.month} ${c.transactionType} ${c.label} ${aliases.get(c.resourceId ?? '') ?? '-'} ` +
        `${c.quantity} ${c.amount} ${c.paidCash}/${c.paidIncome}/${c.paidGift}/${c.paidVoucher} ${c.packId ? packName.get(c.packId.toString()) : '-'}`,
    )
    .sort();
  const notes = (await db.select().from(notifications).where(eq(notifications.accountId, accountId)))
    .map((n) => {
      const cause = n.cause
        .replace(/pack:(\d+)/, (_, id: string) => `pack:${packName.get(id)}`)
        .replace(/order:\S+/, 'order:*');
      return `${n.createdAt.toISOString()} ${n.kind} ${cause} ${n.bodyEn.replace(/\(ID \d+\)/g, '(ID #)')}`;
    })
    .sort();
  const events = await rows<{ k: string }>(
    db,
    sql`select label || ' ' || outcome || ' ' || coalesce(code, '-') || ' ' || count(*) as k from usage_events
        where account_id = ${accountId} group by label, outcome, code order by 1`,
  );
  return {
    status: [
      account?.status,
      account?.arrearsSince?.toISOString(),
      account?.suspendedAt?.toISOString(),
      account?.settledThrough,
    ],
    balances: [account?.cash, account?.income, account?.gift],
    packs: packRows.map(
      (p) =>
        `${p.label} ${p.source} ${p.total} ${p.used} ${p.status} ${p.acquiredAt.toISOString()} ${p.expiresAt.toISOString()}`,
    ),
    ledger,
    settlements: stl,
    bill,
    notifications: notes,
    events: events.map((e) => e.k),
  };
}

describe('R9.3 a demo clock behaves exactly like real time', () => {
  it('R9.3 the same inputs give the same settlements, notices, states and ledger on a demo tenant and on a real account', async () => {
    // The demo tenant, driven through the API.
    const pm = await t.login('pm@example.com');
    const created = await json<{
      accountId: string;
      customer: { email: string; password: string };
      resources: { id: string }[];
    }>(await pm.post('/api/v1/demo/tenants', { scenario: 'empty', startAt: S.toISOString() }));
    const demoCustomer = await t.login(created.customer.email, created.customer.password);
    const demoInj = injections(created.resources.map((r) => r.id));
    const clock = (body: Record<string, unknown>) =>
      demoCustomer.post(`/api/v1/demo/tenants/${created.accountId}/clock`, body);
    expect((await clock({ advanceTo: RECHARGE_1.toISOString(), usage: demoInj })).status).toBe(200);
    await moneySteps(demoCustomer, 'first');
    expect((await clock({ advanceTo: RECHARGE_2.toISOString(), usage: demoInj })).status).toBe(200);
    await moneySteps(demoCustomer, 'second');
    expect((await clock({ advanceTo: END.toISOString(), usage: demoInj })).status).toBe(200);

    // The real account: same set-up, driven by a clock that ticks every 30 minutes like the scheduler.
    const realId = 'acct_real_twin';
    await t.deps.db.insert(accounts).values({ id: realId, name: 'Real twin', settlement: 'daily', activatedAt: S });
    await t.deps.db.insert(users).values({
      id: 'usr_real_twin',
      email: 'twin@example.com',
      name: 'Twin',
      passwordHash: await hashPassword('twin-pass-2026'),
      kind: 'customer',
      roles: ['owner'],
      accountId: realId,
    });
    const demoResources = await t.deps.db
      .select()
      .from(resources)
      .where(eq(resources.accountId, created.accountId))
      .orderBy(asc(resources.id));
    await t.deps.db
      .insert(resources)
      .values(demoResources.map((r, i) => ({ ...r, id: `res-twin-${i}`, accountId: realId })));
    const { key } = await issueServiceKey(t.deps, realId, 'twin', S);
    const realInj = injections(demoResources.map((_, i) => `res-twin-${i}`));
    const step = 30 * 60_000;
    for (let now = S.getTime() + step; now <= END.getTime(); now += step) {
      const prev = new Date(now - step);
      t.clock.set(new Date(now));
      const events = realInj.flatMap((u) => generateUsage(u, prev, new Date(now), 'twin'));
      events.sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0));
      for (let i = 0; i < events.length; i += 1000) {
        const res = await t.app.request('http://localhost/api/v1/usage/events', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body: JSON.stringify({ events: events.slice(i, i + 1000) }),
        });
        expect(res.status).toBe(200);
      }
      await runAccountJobs(t.deps, realId, new Date(now));
      // The customer signs in when they act (a session would have idled out over days).
      if (now === RECHARGE_1.getTime()) await moneySteps(await t.login('twin@example.com', 'twin-pass-2026'), 'first');
      if (now === RECHARGE_2.getTime()) await moneySteps(await t.login('twin@example.com', 'twin-pass-2026'), 'second');
    }

    const demo = await snapshot(created.accountId);
    const real = await snapshot(realId);
    // The story really happened: trial, purchase, settlements, arrears, suspension, resume.
    expect(demo.settlements).toHaveLength(5);
    expect(demo.notifications.some((n) => n.includes(' arrears '))).toBe(true);
    expect(demo.notifications.some((n) => n.includes(' suspended '))).toBe(true);
    expect(demo.events.some((e) => e.includes('ACCOUNT_SUSPENDED'))).toBe(true);
    expect(demo.status[0]).toBe('active');
    expect(real).toEqual(demo);
  }, 600_000);
});
