import { accounts, notifications, outbox } from '@idv/db';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { arrearsLifecycleJob } from '../src/jobs/arrears.ts';
import { runAccountJobs } from '../src/jobs/scheduler.ts';
import { json, onPostgres, T0, useTestApp } from './harness.ts';
import { buy, customer, newKey } from './money-fixtures.ts';
import { accountRow, cst, ev, ingestMany, ingestOk, packRow } from './usage-fixtures.ts';

// R6.1–R6.3 arrears, suspension and resume notices; R7 pack notices at delivery. On PGlite and, with
// DATABASE_URL, on PostgreSQL, where the concurrent triggers really run in parallel.
const t = useTestApp({ poolSize: 20 });

const DAY = '2026-11-20';
const DUE = cst('2026-11-21T08:00:00');
const HOUR = 3_600_000;

async function notes(accountId: string, kind?: string) {
  const list = await t.deps.db.select().from(notifications).where(eq(notifications.accountId, accountId));
  return kind ? list.filter((n) => n.kind === kind) : list;
}

/** A customer whose daily settlement of DAY (1,000 identity.basic calls = 300.00) leaves −180.00. */
async function inArrears() {
  t.clock.set(T0);
  const a = await customer(t, { settledThrough: '2026-11-19', balances: { cash: '100.00', gift: '20.00' } });
  await ingestMany(t, a.key, 1000, { prefix: 'debt', label: 'identity.basic', resourceId: `res-${a.id}-a`, day: DAY });
  t.clock.set(DUE);
  await runAccountJobs(t.deps, a.id, DUE);
  expect((await accountRow(t, a.id)).status).toBe('arrears');
  return a;
}

async function recharge(email: string, amount: string) {
  const c = await t.login(email);
  const res = await c.post('/api/v1/account/recharge', { amount }, { 'idempotency-key': newKey() });
  expect(res.status).toBe(200);
  return json<{ status: string; shortfall: string | null; balances: { available: string } }>(res);
}

describe('R6.1 R6.2 arrears and suspension notices give the times', () => {
  it('R6.1 the arrears notice says when service stops (arrears + 24 h) and when it is released (R6.4), in CST', async () => {
    const a = await inArrears();
    const days = t.deps.config.releaseAfterDays;
    const [n] = await notes(a.id, 'arrears');
    // Arrears at 2026-11-21 08:00 CST: stops 2026-11-22 08:00, released `days` days after that.
    const release = new Date(cst('2026-11-22T08:00:00').getTime() + days * 24 * HOUR);
    const releaseText = `${new Date(release.getTime() + 8 * HOUR).toISOString().slice(0, 10)} 08:00:00`;
    expect(n?.bodyEn).toContain('before 2026-11-22 08:00:00 (CST)');
    expect(n?.bodyEn).toContain(`released at ${releaseText} (CST, ${days} days later)`);
    expect(n?.bodyZh).toContain('2026-11-22 08:00:00（北京时间）');
    expect(n?.bodyZh).toContain(`${releaseText}（北京时间，暂停 ${days} 天后）`);
    expect(n?.bodyEn).not.toMatch(/T\d{2}:|\+08:00|\{/);
  });

  it('R6.2 the suspension notice says recharge to resume and gives the release time', async () => {
    const a = await inArrears();
    const days = t.deps.config.releaseAfterDays;
    const h = await arrearsLifecycleJob.run(t.deps, a.id, new Date(DUE.getTime() + 25 * HOUR));
    expect(h.map((x) => x.kind)).toEqual(['suspended']);
    const [n] = await notes(a.id, 'suspended');
    const release = new Date(cst('2026-11-22T08:00:00').getTime() + days * 24 * HOUR);
    const releaseText = `${new Date(release.getTime() + 8 * HOUR).toISOString().slice(0, 10)} 08:00:00`;
    expect(n?.bodyEn).toContain('Recharge ¥180.00 to resume automatically');
    expect(n?.bodyEn).toContain(`by ${releaseText} (CST)`);
    expect(n?.bodyZh).toContain('充值 ¥180.00 即可自动恢复服务');
    expect(n?.bodyZh).toContain(`${releaseText}（北京时间）`);
  });
});

describe('R6.3 service resumed, and a recharge that is not enough', () => {
  it('R6.3 a recharge that leaves the balance below 0 says how much more is needed; the next one resumes with one notice', async () => {
    const a = await inArrears();
    await arrearsLifecycleJob.run(t.deps, a.id, new Date(DUE.getTime() + 25 * HOUR));
    t.clock.set(new Date(DUE.getTime() + 26 * HOUR));
    const short = await recharge(a.email, '100.00');
    expect(short).toMatchObject({ status: 'suspended', shortfall: '80.00', balances: { available: '-80.00' } });
    expect(await notes(a.id, 'service_resumed')).toHaveLength(0);
    const ok = await recharge(a.email, '80.00');
    expect(ok).toMatchObject({ status: 'active', shortfall: null, balances: { available: '0.00' } });
    const resumed = await notes(a.id, 'service_resumed');
    expect(resumed).toHaveLength(1);
    expect(resumed[0]?.bodyEn).toContain('service resumed at 2026-11-22 10:00:00 (CST)');
    expect(resumed[0]?.channels).toContain('console');
    // Later recharges and the arrears job change nothing: once per resumption.
    await recharge(a.email, '10.00');
    await arrearsLifecycleJob.run(t.deps, a.id, new Date(DUE.getTime() + 27 * HOUR));
    expect(await notes(a.id, 'service_resumed')).toHaveLength(1);
    // Calls are served from the account again (R6.3).
    const out = await ingestOk(t, a.key, [
      ev('after-resume', 'identity.basic', `res-${a.id}-a`, '2026-11-22T09:00:00+08:00'),
    ]);
    expect(out[0]?.outcome).toBe('postpaid');
  });

  it('R6.3 the service-resumed notice goes through the channels the customer chose', async () => {
    const a = await inArrears();
    t.clock.set(new Date(DUE.getTime() + HOUR));
    const c = await t.login(a.email);
    const put = await c.put('/api/v1/notification-settings', {
      kinds: { service_resumed: { email: true, sms: false } },
      dailyReport: false,
    });
    expect(put.status).toBe(200);
    const s = await json<{ kinds: Record<string, { email: boolean; sms: boolean }> }>(
      await c.get('/api/v1/notification-settings'),
    );
    expect(s.kinds.service_resumed).toEqual({ email: true, sms: false });
    await recharge(a.email, '500.00');
    const [n] = await notes(a.id, 'service_resumed');
    expect(n?.channels).toEqual(['console', 'email']);
    const mail = await t.deps.db
      .select()
      .from(outbox)
      .where(eq(outbox.notificationId, n?.id ?? -1n));
    expect(mail.map((m) => m.channel)).toEqual(['email']);
    const list = await json<{ items: { kind: string }[] }>(await c.get('/api/v1/notifications?lang=en'));
    expect(list.items.map((i) => i.kind)).toContain('service_resumed');
  });

  it('R6.3 concurrent recharges that each would resume send one service-resumed notice', async () => {
    const a = await inArrears();
    t.clock.set(new Date(DUE.getTime() + 2 * HOUR));
    const c = await t.login(a.email);
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        c.post('/api/v1/account/recharge', { amount: '200.00' }, { 'idempotency-key': newKey() }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await notes(a.id, 'service_resumed')).toHaveLength(1);
    expect(await accountRow(t, a.id)).toMatchObject({ status: 'active', cash: '1020.0000' });
  });

  it('R6.3 a new arrears episode after a resumption gets its own service-resumed notice', async () => {
    const a = await inArrears();
    t.clock.set(new Date(DUE.getTime() + HOUR));
    await recharge(a.email, '180.00');
    // A second episode: the day after is settled with more debt.
    await ingestMany(t, a.key, 1000, {
      prefix: 'debt2',
      label: 'identity.basic',
      resourceId: `res-${a.id}-a`,
      day: '2026-11-21',
    });
    const due2 = cst('2026-11-22T08:00:00');
    t.clock.set(due2);
    await runAccountJobs(t.deps, a.id, due2);
    expect((await accountRow(t, a.id)).status).toBe('arrears');
    t.clock.set(new Date(due2.getTime() + HOUR));
    await recharge(a.email, '300.00');
    const resumed = await notes(a.id, 'service_resumed');
    expect(resumed.map((n) => n.cause).sort()).toEqual(
      [`resumed:${DUE.toISOString()}`, `resumed:${due2.toISOString()}`].sort(),
    );
  });
});

describe('R7 pack notices when a pack crosses the lines at delivery (R4.3)', () => {
  const LABEL = 'basic.selfie';

  async function withPostpaidToday(n: number, postpaidEnabled = true) {
    t.clock.set(T0);
    const a = await customer(t, { settledThrough: '2026-11-19', balances: { cash: '5000.00' }, postpaidEnabled });
    await ingestMany(t, a.key, n, { prefix: 'pp', label: LABEL, resourceId: `res-${a.id}-a`, day: DAY });
    return a;
  }

  it('R7 a pack that absorbs the day’s calls at delivery and lands below 20% gets its usage warning, once', async () => {
    const a = await withPostpaidToday(850);
    const o = await buy(a.c, { label: LABEL, size: 1000, quantity: 1 });
    expect(o.packs[0]).toMatchObject({ used: 850, remaining: 150 });
    const low = await notes(a.id, 'pack_low');
    expect(low).toHaveLength(1);
    expect(low[0]?.cause).toBe(`pack:${o.packs[0]?.id}`);
    expect(low[0]?.bodyEn).toContain('has 150 of 1000 calls left');
    expect(await notes(a.id, 'pack_exhausted')).toHaveLength(0);
    // Later usage does not resend it.
    await ingestOk(
      t,
      a.key,
      [0, 1, 2].map((i) => ev(`more-${i}`, LABEL, `res-${a.id}-a`, `${DAY}T09:59:0${i}+08:00`)),
    );
    expect(await notes(a.id, 'pack_low')).toHaveLength(1);
  });

  it('R7 a pack used up at delivery gets the usage warning and the exhausted notice, each once, never again later', async () => {
    const a = await withPostpaidToday(1004);
    const o = await buy(a.c, { label: LABEL, size: 1000, quantity: 1 });
    const id = BigInt(o.packs[0]?.id ?? '0');
    expect(await packRow(t, id)).toMatchObject({ used: 1000, status: 'exhausted' });
    expect(
      (await notes(a.id))
        .filter((n) => n.cause === `pack:${id}`)
        .map((n) => n.kind)
        .sort(),
    ).toEqual(['pack_exhausted', 'pack_low']);
    const [ex] = await notes(a.id, 'pack_exhausted');
    expect(ex?.bodyEn).toMatch(/billed postpaid/);
    expect(ex?.createdAt.getTime()).toBe(t.clock.now().getTime());
    await ingestOk(t, a.key, [ev('after', LABEL, `res-${a.id}-a`, `${DAY}T09:59:30+08:00`)]);
    expect((await notes(a.id)).filter((n) => n.cause === `pack:${id}`)).toHaveLength(2);
  });

  it('R7 several packs delivered at once: only the ones that cross a line get a notice', async () => {
    const a = await withPostpaidToday(1900);
    const o = await buy(a.c, { label: LABEL, size: 1000, quantity: 2 });
    const [p1, p2] = o.packs.map((p) => p.id);
    const byCause = (await notes(a.id)).filter((n) => n.kind === 'pack_low' || n.kind === 'pack_exhausted');
    expect(
      byCause
        .filter((n) => n.cause === `pack:${p1}`)
        .map((n) => n.kind)
        .sort(),
    ).toEqual(['pack_exhausted', 'pack_low']);
    // 900 of 1000 on the second pack: below 20%, not used up.
    expect(byCause.filter((n) => n.cause === `pack:${p2}`).map((n) => n.kind)).toEqual(['pack_low']);
  });

  it('R7 a pack that stays above 20% at delivery gets no warning; concurrent batches that then cross it send one', async () => {
    const a = await withPostpaidToday(700);
    const o = await buy(a.c, { label: LABEL, size: 1000, quantity: 1 });
    expect(await notes(a.id, 'pack_low')).toHaveLength(0);
    const batches = Array.from({ length: 6 }, (_, b) =>
      Array.from({ length: 50 }, (_, i) =>
        ev(`c${b}-${i}`, LABEL, `res-${a.id}-a`, `${DAY}T09:5${b}:${String(i).padStart(2, '0')}+08:00`),
      ),
    );
    await Promise.all(batches.map((b) => ingestOk(t, a.key, b)));
    expect(await packRow(t, BigInt(o.packs[0]?.id ?? '0'))).toMatchObject({ used: 1000, status: 'exhausted' });
    expect(await notes(a.id, 'pack_low')).toHaveLength(1);
    expect(await notes(a.id, 'pack_exhausted')).toHaveLength(1);
  });

  it('R7 at delivery with postpaid off, the exhausted notice says calls are refused', async () => {
    const a = await withPostpaidToday(0, false);
    // Postpaid off: the day's calls were refused (NO_QUOTA), so nothing moves; switch it on, make calls, switch off.
    await t.deps.db.update(accounts).set({ postpaidEnabled: true }).where(eq(accounts.id, a.id));
    await ingestMany(t, a.key, 1000, { prefix: 'on', label: LABEL, resourceId: `res-${a.id}-a`, day: DAY });
    await t.deps.db.update(accounts).set({ postpaidEnabled: false }).where(eq(accounts.id, a.id));
    await buy(a.c, { label: LABEL, size: 1000, quantity: 1 });
    const [ex] = await t.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.accountId, a.id), eq(notifications.kind, 'pack_exhausted')));
    expect(ex?.bodyEn).toMatch(/refused \(postpaid is off\)/);
  });

  it.runIf(onPostgres)('R7 on PostgreSQL: a delivery racing usage batches sends each pack notice once', async () => {
    const a = await withPostpaidToday(790);
    const c = a.c;
    const more = Array.from({ length: 4 }, (_, b) =>
      Array.from({ length: 60 }, (_, i) =>
        ev(`r${b}-${i}`, LABEL, `res-${a.id}-a`, `${DAY}T09:4${b}:${String(i).padStart(2, '0')}+08:00`),
      ),
    );
    const [order] = await Promise.all([
      buy(c, { label: LABEL, size: 1000, quantity: 1 }),
      ...more.map((b) => ingestOk(t, a.key, b)),
    ]);
    const id = order.packs[0]?.id;
    const mine = (await notes(a.id)).filter((n) => n.cause === `pack:${id}`);
    expect(mine.filter((n) => n.kind === 'pack_low')).toHaveLength(1);
    expect(mine.filter((n) => n.kind === 'pack_exhausted')).toHaveLength(1);
    expect(await packRow(t, BigInt(id ?? '0'))).toMatchObject({ used: 1000 });
  });
});
