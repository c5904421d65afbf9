import { charges, jobLeases, ledgerEntries, notifications, settlements, users } from '@idv/db';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/use-cases/sign-in.ts';
import { onPostgres } from './harness.ts';
import { expectLedgerConsistent } from './money-fixtures.ts';
import { type BffProcess, emptyDatabase, localApp, signIn, sleep, startBff } from './proc/bff-process.ts';
import { accountRow, createAccount, ev } from './usage-fixtures.ts';

// PostgreSQL only: scale-out means several BFF processes on one database server. PGlite is an
// embedded, single-process database (one data folder, one process), so there is nothing to share.
describe.runIf(onPostgres)('scale-out: two BFF processes on one PostgreSQL', () => {
  const DAY = '2026-11-20';
  const DUE = '2026-11-21T08:00:00+08:00';
  const ACCOUNTS = 30;
  const CALLS = 100; // × identity.basic 0.30 = 30.00 each; cash 10.00 → available −20.00: arrears (R6.1)
  let db: Awaited<ReturnType<typeof emptyDatabase>>;
  let local: Awaited<ReturnType<typeof localApp>> | undefined;
  const procs: BffProcess[] = [];
  const ids: string[] = [];
  let cookie = '';

  beforeAll(async () => {
    db = await emptyDatabase();
  }, 30_000);

  afterAll(async () => {
    // Always: no process outlives the test, whatever failed.
    await Promise.all(procs.map((p) => p.kill('SIGKILL')));
    await local?.close();
    await db?.drop();
  }, 30_000);

  it('two instances start at once on an empty database (one migrates, the other waits) and share sessions', async () => {
    // The evening before the settlement: both instances' schedulers are off in this first life.
    const env = { DATABASE_URL: db.url, CLOCK_START: '2026-11-21T07:00:00+08:00' };
    const [a, b] = await Promise.all([startBff('A', env), startBff('B', env)]);
    if (!a || !b) throw new Error('no process');
    procs.push(a, b);
    local = await localApp(db.url, '2026-11-20T21:00:00+08:00');
    const t = local;

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
          ev(`so-${k}`, 'identity.basic', x.resources[k % 2], `${DAY}T20:${String(k % 60).padStart(2, '0')}:00+08:00`),
        );
        const res = await fetch(`${(i % 2 ? b : a).base}/api/v1/usage/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${x.key}` },
          body: JSON.stringify({ events }),
        });
        expect(res.status).toBe(200);
        const body = (await res.json()) as { outcomes: { outcome: string }[] };
        expect(body.outcomes.every((o) => o.outcome === 'postpaid')).toBe(true);
      }),
    );
    await Promise.all([a.kill('SIGTERM'), b.kill('SIGTERM')]);
    procs.length = 0;
  }, 120_000);

  it('after 08:00 both schedulers run: every settlement, charge, ledger entry and arrears notice happens exactly once', async () => {
    const t = local;
    if (!t || ids.length !== ACCOUNTS) throw new Error('set-up did not run');
    // Restart both just after the due time: both start-up catch-up ticks race for the same 30 accounts.
    const env = {
      DATABASE_URL: db.url,
      CLOCK_START: '2026-11-21T08:00:02+08:00',
      SCHEDULER_INTERVAL_MS: '300',
      SCHEDULER_CONCURRENCY: '2',
      // Small chunks so the two instances interleave over the accounts.
      JOB_LEASE_SECONDS: '30',
    };
    const [a, b] = await Promise.all([startBff('A', env), startBff('B', env)]);
    if (!a || !b) throw new Error('no process');
    procs.push(a, b);
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
    expect(count(/ arrears: /g)).toBe(ACCOUNTS);

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
