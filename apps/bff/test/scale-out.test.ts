import { charges, jobLeases, ledgerEntries, notifications, settlements, users } from '@idv/db';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAccountJobs, tick } from '../src/jobs/scheduler.ts';
import { claimLeases, dueAccountIds } from '../src/repositories/job-leases.ts';
import { hashPassword } from '../src/use-cases/auth/sign-in.ts';
import { createTestApp, onPostgres, type TestApp } from './harness.ts';
import { expectLedgerConsistent } from './money-fixtures.ts';
import { localApp, processTestBed, signIn, sleep, startBff } from './proc/bff-process.ts';
import { accountRow, addPack, createAccount, cst, ev, ingestMany } from './usage-fixtures.ts';

// PostgreSQL only: scale-out means several BFF processes on one database server. PGlite is an
// embedded, single-process database (one data folder, one process), so there is nothing to share.
describe.runIf(onPostgres)('scale-out: two BFF processes on one PostgreSQL', () => {
  const DAY = '2026-11-20';
  const DUE = '2026-11-21T08:00:00+08:00';
  const ACCOUNTS = 30;
  const CALLS = 100; // × identity.basic 0.30 = 30.00 each; cash 10.00 → available −20.00: arrears (R6.1)
  const bed = processTestBed();
  const ids: string[] = [];
  let cookie = '';

  it('two instances start at once on an empty database (one migrates, the other waits) and share sessions', async () => {
    // The evening before the settlement: both instances' schedulers are off in this first life.
    const env = { DATABASE_URL: bed.db.url, CLOCK_START: '2026-11-21T07:00:00+08:00' };
    const [a, b] = await Promise.all([startBff('A', env), startBff('B', env)]);
    if (!a || !b) throw new Error('no process');
    bed.procs.push(a, b);
    bed.local = await localApp(bed.db.url, '2026-11-20T21:00:00+08:00');
    const t = bed.local;

    const owner = await createAccount(t, { settledThrough: '2026-11-19', balances: { cash: '10.00' } });
    await t.deps.db.insert(users).values({
      id: `usr_${owner.id}`,
      email: 'owner@scale.example',
      name: 'Owner',
      passwordHash: await hashPassword('scale-out-pass-1'),
      kind: 'customer',
      roles: ['owner'],
      accountId: owner.id,
    });
    ids.push(owner.id);
    const keys = new Map([[owner.id, owner]]);
    for (let i = 1; i < ACCOUNTS; i++) {
      const x = await createAccount(t, { settledThrough: '2026-11-19', balances: { cash: '10.00' } });
      ids.push(x.id);
      keys.set(x.id, x);
    }

    // Sessions live in the database: a cookie from A works on B.
    cookie = await signIn(a.base, 'owner@scale.example', 'scale-out-pass-1');
    const meB = await fetch(`${b.base}/api/v1/me`, { headers: { cookie } });
    expect(meB.status).toBe(200);
    const packsB = await fetch(`${b.base}/api/v1/packs`, { headers: { cookie } });
    expect(packsB.status).toBe(200);

    // Postpaid usage of the day, sent half to A, half to B (a load balancer).
    await Promise.all(
      ids.map(async (id, i) => {
        const x = keys.get(id);
        if (!x) throw new Error('no key');
        const events = Array.from({ length: CALLS }, (_, k) =>
          ev(
            `so-${k}`,
            'identity.basic',
            x.resources[k % 2] ?? '',
            `${DAY}T20:${String(k % 60).padStart(2, '0')}:00+08:00`,
          ),
        );
        const res = await fetch(`${(i % 2 ? b : a).base}/api/v1/usage/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${x.key}` },
          body: JSON.stringify({ events }),
        });
        expect(res.status).toBe(200);
        const body = (await res.json()) as { outcomes: { outcome: string }[] };
        expect(body.outcomes.filter((o) => o.outcome !== 'postpaid').slice(0, 3)).toEqual([]);
      }),
    );
    await Promise.all([a.kill('SIGTERM'), b.kill('SIGTERM')]);
    bed.procs.length = 0;
  }, 120_000);

  it('after 08:00 both schedulers run: every settlement, charge, ledger entry and arrears notice happens exactly once', async () => {
    const t = bed.local;
    if (!t || ids.length !== ACCOUNTS) throw new Error('set-up did not run');
    // Restart both just after the due time: both start-up catch-up ticks race for the same 30 accounts.
    const env = {
      DATABASE_URL: bed.db.url,
      CLOCK_START: '2026-11-21T08:00:02+08:00',
      SCHEDULER_INTERVAL_MS: '300',
      SCHEDULER_CONCURRENCY: '2',
      // Small lease chunks so the two instances interleave over the accounts.
      SCHEDULER_CHUNK: '3',
      JOB_LEASE_SECONDS: '30',
    };
    const [a, b] = await Promise.all([startBff('A', env), startBff('B', env)]);
    if (!a || !b) throw new Error('no process');
    bed.procs.push(a, b);
    // The session made before the restart still works on both.
    expect((await fetch(`${b.base}/api/v1/me`, { headers: { cookie } })).status).toBe(200);
    await Promise.all([a.waitFor(/tick \(catch-up\)/), b.waitFor(/tick \(catch-up\)/)]);
    for (let i = 0; i < 100; i++) {
      const done = await t.deps.db.select().from(settlements).where(inArray(settlements.accountId, ids));
      if (done.length >= ACCOUNTS) break;
      await sleep(200);
    }
    await sleep(2_000); // several more ticks of both instances: nothing new may happen

    const logs = a.output() + b.output();
    const count = (re: RegExp) => (logs.match(re) ?? []).length;
    // Each account's jobs ran once in all: one instance's "ran" counts add up to the accounts.
    const ran = [...logs.matchAll(/tick[^:]*: due \d+, ran (\d+)/g)].reduce((s, m) => s + Number(m[1]), 0);
    expect(ran).toBe(ACCOUNTS);
    expect(count(/daily_settlement: /g)).toBe(ACCOUNTS);
    expect(count(/\[scheduler\] \S+ arrears: /g)).toBe(ACCOUNTS);
    // Both instances met due work (they really raced: each ran some accounts or found them leased).
    for (const p of [a, b]) expect(p.output()).toMatch(/tick[^:]*: due [1-9]/);

    for (const id of ids) {
      const stl = await t.deps.db.select().from(settlements).where(eq(settlements.accountId, id));
      expect(stl.map((s) => [s.kind, s.period, s.amount, s.calls])).toEqual([['daily', DAY, '30.0000', CALLS]]);
      const lines = (await t.deps.db.select().from(charges).where(eq(charges.accountId, id))).filter(
        (c) => c.transactionType === 'daily_settlement',
      );
      // One line per label and resource (R5.1): 50 calls on each of the two applications.
      expect(lines.map((l) => l.amount).sort()).toEqual(['15.0000', '15.0000']);
      const ledger = await t.deps.db
        .select()
        .from(ledgerEntries)
        .where(and(eq(ledgerEntries.accountId, id), eq(ledgerEntries.reason, 'settlement')));
      expect(ledger.map((l) => l.refId)).toEqual(ledger.map(() => stl[0]?.id));
      expect(ledger.reduce((s, l) => s + Number(l.amount), 0)).toBe(-30);
      const notes = await t.deps.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.accountId, id), eq(notifications.kind, 'arrears')));
      expect(notes.map((n) => n.cause)).toEqual([`arrears:${new Date(DUE).toISOString()}`]);
      const acct = await accountRow(t, id);
      expect(acct).toMatchObject({ status: 'arrears', settledThrough: DAY, cash: '-20.0000' });
      await expectLedgerConsistent(t, id);
    }
    // Leases are given back after the work: none is left held by either instance.
    expect(await t.deps.db.select().from(jobLeases)).toEqual([]);
    console.log(
      `[scale-out] catch-up lines: ${[...logs.matchAll(/\[scheduler\] tick[^\n]*/g)].map((m) => m[0]).join(' | ')}`,
    );
  }, 180_000);
});

// The scheduler's pre-filter and leases, on whichever database the suite runs (PGlite by default).
describe('scheduler: the due query and job leases', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(async () => t?.close());

  it('the due query never misses an account whose jobs would do something (and skips idle ones)', async () => {
    const daily = await createAccount(t, { settledThrough: '2026-11-19', balances: { cash: '1.00' } });
    await ingestMany(t, daily.key, 20, {
      prefix: 'dq',
      label: 'identity.basic',
      resourceId: daily.resources[0],
      day: '2026-11-20',
    });
    const monthly = await createAccount(t, { settlement: 'monthly', settledThrough: '2026-09-30' });
    const idle = await createAccount(t, { settledThrough: '2026-11-22' });
    const expiring = await createAccount(t, { settledThrough: '2026-11-22' });
    await addPack(t, expiring.id, {
      label: 'basic.selfie',
      total: 100,
      source: 'gift',
      acquiredAt: cst('2025-11-25T10:00:00'),
      expiresAt: cst('2026-11-25T23:59:59.999'),
    });
    const mine = new Set([daily.id, monthly.id, idle.id, expiring.id]);
    const moments = ['2026-11-20T10:00:00', '2026-11-21T08:00:05', '2026-11-23T09:00:00', '2026-11-26T09:00:00'];
    for (const m of moments) {
      const now = cst(m);
      t.clock.set(now);
      const due = new Set(await dueAccountIds(t.deps.db, now, t.deps.config));
      for (const id of mine) {
        const happened = await runAccountJobs(t.deps, id, now);
        // No false negative: whatever a job did, the due query had said the account was due.
        if (happened.length > 0) expect({ at: m, id, due: due.has(id) }).toEqual({ at: m, id, due: true });
      }
      // After the jobs ran nothing of these accounts is due at the same moment (idle costs nothing).
      const after = await dueAccountIds(t.deps.db, now, t.deps.config);
      expect(after.filter((id) => mine.has(id))).toEqual([]);
    }
    // R6.1 → R6.2: arrears at 21 Nov 08:00, suspended 24 h later (the 23 Nov moment).
    expect((await accountRow(t, daily.id)).status).toBe('suspended');
    expect((await accountRow(t, monthly.id)).settledThrough).toBe('2026-10-31');
    // Through 2026-11-25 (settled on the 26th at 08:00): the idle account caught up as days passed.
    expect((await accountRow(t, idle.id)).settledThrough).toBe('2026-11-25');
  });

  it('a lease is held by one holder until it runs out or is given back; tick skips accounts leased elsewhere', async () => {
    const a = await createAccount(t, { settledThrough: '2026-11-19' });
    const key = `account:${a.id}`;
    expect(await claimLeases(t.deps.db, [key], 'other-instance', 60_000)).toEqual([key]);
    expect(await claimLeases(t.deps.db, [key], 'me', 60_000)).toEqual([]);
    t.clock.set(cst('2026-11-21T08:00:05'));
    const r = await tick(t.deps, { holder: 'me' });
    expect(r.leasedElsewhere).toBeGreaterThanOrEqual(1);
    expect((await accountRow(t, a.id)).settledThrough).toBe('2026-11-19');
    // The other instance died: its lease runs out (here: a lease of 1 ms), then this one takes over.
    await claimLeases(t.deps.db, [key], 'other-instance', 1);
    await new Promise((ok) => setTimeout(ok, 20));
    await tick(t.deps, { holder: 'me' });
    expect((await accountRow(t, a.id)).settledThrough).toBe('2026-11-20');
    expect(await t.deps.db.select().from(jobLeases).where(eq(jobLeases.key, key))).toEqual([]);
  });
});
