import { accounts, notifications, packs, users } from '@idv/db';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { runAccountJobs } from '../src/jobs/scheduler.ts';
import { balancesOf, ledgerBalances } from '../src/repositories/ledger.ts';
import { hashPassword } from '../src/use-cases/auth/sign-in.ts';
import { json, onPostgres, useTestApp } from './harness.ts';
import { addPack, createAccount, cst, ev, ingestOk } from './usage-fixtures.ts';

/** The account's owner, `<account>@example.com`, signing in with `password`. */
async function addOwner(accountId: string, password: string) {
  await t.deps.db.insert(users).values({
    id: `usr_${accountId}`,
    email: `${accountId}@example.com`,
    name: 'Owner',
    passwordHash: await hashPassword(password),
    kind: 'customer',
    roles: ['owner'],
    accountId,
  });
}

const t = useTestApp({ now: '2026-11-10T09:00:00+08:00' });

async function kinds(accountId: string) {
  const rows = await t.deps.db.select().from(notifications).where(eq(notifications.accountId, accountId));
  return rows.map((n) => ({ kind: n.kind, cause: n.cause, at: n.createdAt.toISOString() }));
}

async function status(accountId: string) {
  const [a] = await t.deps.db.select().from(accounts).where(eq(accounts.id, accountId));
  return a;
}

describe('R6 the whole arrears cycle on one account, to the minute (issue 7)', () => {
  it('R6.1–R6.3 postpaid use → settlement → arrears notice → 24 h → suspended → refused → recharge → active → packs again → a second episode notifies again, once', async () => {
    const acct = await createAccount(t, {
      activatedAt: cst('2026-01-10T09:00:00'),
      balances: { cash: '10.00' },
      settledThrough: '2026-11-09',
    });
    await addOwner(acct.id, 'walk-pass-2026');
    const packId = await addPack(t, acct.id, {
      label: 'identity.basic',
      total: 1000,
      acquiredAt: cst('2026-11-01T10:00:00'),
    });
    const [resA] = acct.resources;
    const run = (at: string) => runAccountJobs(t.deps, acct.id, cst(at));

    // Day 1: 20 postpaid NFC reads at ¥1.00 on a ¥10.00 balance.
    t.clock.set(cst('2026-11-10T10:00:00'));
    const nfc = Array.from({ length: 20 }, (_, i) => ev(`nfc-${i}`, 'nfc.idcard', resA, '2026-11-10T09:30:00+08:00'));
    expect((await ingestOk(t, acct.key, nfc)).every((o) => o.outcome === 'postpaid')).toBe(true);

    // R6.1 the 08:00 settlement leaves the balance at −10.00: arrears, with a notice at once.
    t.clock.set(cst('2026-11-11T08:00:00'));
    await run('2026-11-11T08:00:00');
    let a = await status(acct.id);
    expect(a?.status).toBe('arrears');
    expect(a?.arrearsSince?.toISOString()).toBe(cst('2026-11-11T08:00:00').toISOString());
    expect((await kinds(acct.id)).filter((n) => n.kind === 'arrears')).toHaveLength(1);
    const owner = await t.login(`${acct.id}@example.com`, 'walk-pass-2026');
    const view = await json<{ status: string; suspendsAt: string; balances: { available: string } }>(
      await owner.get('/api/v1/account'),
    );
    expect(view).toMatchObject({
      status: 'arrears',
      suspendsAt: '2026-11-12T08:00:00+08:00',
      balances: { available: '-10.00' },
    });

    // 23 h 59 min later: still serving (arrears is not suspension).
    t.clock.set(cst('2026-11-12T07:59:00'));
    await run('2026-11-12T07:59:00');
    expect((await status(acct.id))?.status).toBe('arrears');
    const still = await ingestOk(t, acct.key, [ev('pre-suspend', 'identity.basic', resA, '2026-11-12T07:58:00+08:00')]);
    expect(still[0]).toMatchObject({ outcome: 'pack' });

    // R6.2 at 24 h: suspended, with its notice; calls refused and the pack not deducted.
    t.clock.set(cst('2026-11-12T08:00:00'));
    await run('2026-11-12T08:00:00');
    a = await status(acct.id);
    expect(a?.status).toBe('suspended');
    expect(a?.suspendedAt?.toISOString()).toBe(cst('2026-11-12T08:00:00').toISOString());
    expect((await kinds(acct.id)).filter((n) => n.kind === 'suspended')).toHaveLength(1);
    t.clock.set(cst('2026-11-12T09:05:00'));
    const refused = await ingestOk(t, acct.key, [
      ev('while-suspended', 'identity.basic', resA, '2026-11-12T09:00:00+08:00'),
    ]);
    expect(refused[0], JSON.stringify(refused)).toMatchObject({ outcome: 'rejected', code: 'ACCOUNT_SUSPENDED' });
    const [p1] = await t.deps.db.select().from(packs).where(eq(packs.id, packId));
    expect(p1?.used).toBe(1);

    // R6.3 a recharge that brings the balance to 0 or more resumes service at once.
    t.clock.set(cst('2026-11-12T10:00:00'));
    const owner2 = await t.login(`${acct.id}@example.com`, 'walk-pass-2026');
    const rech = await owner2.post(
      '/api/v1/account/recharge',
      { amount: '30.00' },
      { 'Idempotency-Key': 'walk-recharge-1' },
    );
    expect(rech.status).toBe(200);
    expect((await json<{ status: string }>(rech)).status).toBe('active');
    const again = await ingestOk(t, acct.key, [
      ev('after-resume', 'identity.basic', resA, '2026-11-12T10:00:00+08:00'),
    ]);
    expect(again[0]).toMatchObject({ outcome: 'pack', packId: packId.toString() });

    // A second episode: a new cause, a second arrears notice; the first is not repeated.
    t.clock.set(cst('2026-11-12T11:30:00'));
    const more = Array.from({ length: 40 }, (_, i) => ev(`nfc2-${i}`, 'nfc.idcard', resA, '2026-11-12T11:00:00+08:00'));
    await ingestOk(t, acct.key, more);
    t.clock.set(cst('2026-11-13T08:00:00'));
    await run('2026-11-13T08:00:00');
    await run('2026-11-13T08:00:00');
    expect((await status(acct.id))?.status).toBe('arrears');
    const arrears = (await kinds(acct.id)).filter((n) => n.kind === 'arrears');
    expect(arrears.map((n) => n.at)).toEqual([
      cst('2026-11-11T08:00:00').toISOString(),
      cst('2026-11-13T08:00:00').toISOString(),
    ]);
    expect(new Set(arrears.map((n) => n.cause)).size).toBe(2);
    // R2.4 the balances are still exactly their ledger.
    const locked = await status(acct.id);
    if (!locked) throw new Error('no account');
    expect(balancesOf(locked)).toEqual(await ledgerBalances(t.deps.db, acct.id));
  });
});

describe('R3.6/R7 daily usage report', () => {
  it('R7 subscribers get one report per daily settlement after subscribing, with calls, remaining and the postpaid amount', async () => {
    const acct = await createAccount(t, { balances: { cash: '100.00' }, settledThrough: '2026-11-13' });
    await addOwner(acct.id, 'report-pass-2026');
    await addPack(t, acct.id, { label: 'identity.basic', total: 100, acquiredAt: cst('2026-11-01T10:00:00') });
    const [resA] = acct.resources;
    t.clock.set(cst('2026-11-14T09:00:00'));
    await ingestOk(t, acct.key, [
      ...Array.from({ length: 3 }, (_, i) => ev(`r-pack-${i}`, 'identity.basic', resA, '2026-11-14T09:00:00+08:00')),
      ...Array.from({ length: 10 }, (_, i) => ev(`r-post-${i}`, 'risk.face', resA, '2026-11-14T09:00:00+08:00')),
    ]);
    // Not subscribed yet: the 15th's settlement sends no report.
    await runAccountJobs(t.deps, acct.id, cst('2026-11-15T08:00:00'));
    expect((await kinds(acct.id)).filter((n) => n.kind === 'daily_report')).toHaveLength(0);
    t.clock.set(cst('2026-11-15T09:00:00'));
    const owner = await t.login(`${acct.id}@example.com`, 'report-pass-2026');
    expect((await owner.put('/api/v1/notification-settings', { kinds: {}, dailyReport: true })).status).toBe(200);
    await ingestOk(
      t,
      acct.key,
      Array.from({ length: 10 }, (_, i) => ev(`r2-post-${i}`, 'risk.face', resA, '2026-11-15T08:30:00+08:00')),
    );
    await runAccountJobs(t.deps, acct.id, cst('2026-11-16T08:00:00'));
    await runAccountJobs(t.deps, acct.id, cst('2026-11-16T09:00:00'));
    const reports = await t.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.accountId, acct.id), eq(notifications.kind, 'daily_report')));
    expect(reports).toHaveLength(1);
    expect(reports[0]?.cause).toBe('report:2026-11-15');
    expect(reports[0]?.createdAt.toISOString()).toBe(cst('2026-11-16T08:00:00').toISOString());
    expect(reports[0]?.bodyEn).toContain('risk.face: 0 from packs, 10 postpaid, 0 free');
    expect(reports[0]?.bodyEn).toContain('identity.basic: 0 from packs, 0 postpaid, 0 free; 97 left in packs');
    expect(reports[0]?.bodyEn).toContain('Postpaid amount: ¥0.04');
  });
});

// PGlite runs one transaction at a time, so concurrency is only meaningful on real PostgreSQL.
describe.runIf(onPostgres)('R7 threshold notices under concurrency', () => {
  it('R7 many concurrent batches crossing 20% and 0 send one pack_low and one pack_exhausted', async () => {
    const acct = await createAccount(t, { settledThrough: '2026-11-13', postpaidEnabled: false });
    const packId = await addPack(t, acct.id, {
      label: 'identity.basic',
      total: 100,
      acquiredAt: cst('2026-11-01T10:00:00'),
    });
    t.clock.set(cst('2026-11-14T12:00:00'));
    const [resA] = acct.resources;
    await Promise.all(
      Array.from({ length: 25 }, (_, b) =>
        ingestOk(
          t,
          acct.key,
          Array.from({ length: 5 }, (_, i) => ev(`c-${b}-${i}`, 'identity.basic', resA, '2026-11-14T11:00:00+08:00')),
        ),
      ),
    );
    const [p] = await t.deps.db.select().from(packs).where(eq(packs.id, packId));
    expect(p?.used).toBe(100);
    const n = (await kinds(acct.id))
      .filter((x) => x.cause === `pack:${packId}`)
      .map((x) => x.kind)
      .sort();
    expect(n).toEqual(['pack_exhausted', 'pack_low']);
  });
});
