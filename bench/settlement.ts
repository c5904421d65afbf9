/**
 * Daily settlement at scale (issue 10): SETTLE_ACCOUNTS accounts (default 100,000) on PostgreSQL in a
 * database of their own, of which SETTLE_DUE (default 10,000 in the quick run; 100,000 for the full
 * run) have postpaid usage of the day and are due at 08:00; the others are settled already (idle).
 * Times the real scheduler pass (`tick()`: the due query, job leases, every registered job per due
 * account, SCHEDULER_CONCURRENCY workers) at 08:00:01, then an idle tick over all accounts.
 *
 *   cd bench && SETTLE_DUE=100000 npx tsx settlement.ts      # the full run (about 100,000 / rate s)
 */
import { randomBytes } from 'node:crypto';
import { ManualClock } from '@idv/bff/clock.ts';
import { testConfig } from '@idv/bff/config.ts';
import { accountJobs } from '@idv/bff/jobs/registry.ts';
import { tick } from '@idv/bff/jobs/scheduler.ts';
import { createDb, rows, seedCatalog } from '@idv/db';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';

export interface SettlementResult {
  accounts: number;
  due: number;
  callsPerAccount: number;
  loadSeconds: number;
  seconds: number;
  accountsPerSecond: number;
  concurrency: number;
  idleTickMs: number;
  dueQueryAccounts: number;
  settled: number;
  failed: number;
}

const DAY = '2026-11-20';
const log = (...a: unknown[]) => console.log('[settlement]', ...a);

export async function benchSettlement(
  opts: { adminUrl: string; accounts?: number; due?: number; calls?: number; concurrency?: number } = {
    adminUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
  },
): Promise<SettlementResult> {
  const total = opts.accounts ?? 100_000;
  const due = Math.min(total, opts.due ?? 10_000);
  const calls = opts.calls ?? 10;
  const concurrency = opts.concurrency ?? 4;
  const name = `idv_bench_settle_${randomBytes(4).toString('hex')}`;
  const admin = postgres(opts.adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(opts.adminUrl);
  url.pathname = `/${name}`;
  const h = await createDb({ databaseUrl: url.toString(), poolSize: concurrency * 2 + 2 });
  try {
    const db = h.db;
    await seedCatalog(db);
    const l0 = performance.now();
    // Due accounts 1..due are settled through the day before and have `calls` postpaid calls of
    // DAY on 2 resources; the rest are settled through DAY (nothing due). Every trial grant is done.
    await db.execute(sql`
      insert into accounts (id, name, settlement, activated_at, settled_through)
      select 'acct_s' || lpad(g::text, 6, '0'), 'Bench ' || g, 'daily', '2026-01-10T01:00:00Z'::timestamptz,
             case when g <= ${due} then '2026-11-19' else ${DAY} end
        from generate_series(1, ${total}) g`);
    await db.execute(sql`
      insert into job_runs (job, scope, ran_at)
      select 'free-trial', 'acct_s' || lpad(g::text, 6, '0') || ':activation', now() from generate_series(1, ${total}) g`);
    await db.execute(sql`
      insert into resources (id, account_id, alias, project, region)
      select 'res_s' || g || '_' || r, 'acct_s' || lpad(g::text, 6, '0'), 'App ' || r, 'p', 'ap-guangzhou'
        from generate_series(1, ${due}) g, generate_series(1, 2) r`);
    await db.execute(sql`
      insert into usage_events (account_id, event_id, label, resource_id, result, occurred_at, day, outcome, rule, received_at)
      select 'acct_s' || lpad(g::text, 6, '0'), 'e' || k, 'identity.basic', 'res_s' || g || '_' || (1 + k % 2), 'success',
             '2026-11-20T04:00:00Z'::timestamptz + make_interval(secs => k), ${DAY}, 'postpaid', 'postpaid_no_pack', now()
        from generate_series(1, ${due}) g, generate_series(1, ${calls}) k`);
    // Half of the due accounts have cash to pay the day (100.00, as an opening ledger entry); the
    // other half go into arrears with a notice (R6.1).
    await db.execute(sql`
      insert into ledger_entries (account_id, balance, amount, reason, ref_type, ref_id, created_at)
      select 'acct_s' || lpad(g::text, 6, '0'), 'cash', 100, 'opening', 'bench', 'open', '2026-01-10T01:00:00Z'
        from generate_series(1, ${due}, 2) g`);
    await db.execute(sql`update accounts set cash = 100 where id in (
      select 'acct_s' || lpad(g::text, 6, '0') from generate_series(1, ${due}, 2) g)`);
    await db.execute(sql`analyze`);
    const loadSeconds = (performance.now() - l0) / 1000;
    log(`${total.toLocaleString()} accounts, ${due.toLocaleString()} due, loaded in ${loadSeconds.toFixed(1)} s`);

    const clock = new ManualClock('2026-11-21T08:00:01+08:00');
    const deps = { db, clock, config: testConfig() };
    const t0 = performance.now();
    // SETTLE_PROFILE=1: time spent in each job (summed over the workers).
    const spent = new Map<string, number>();
    const jobs = accountJobs.map((j) => ({
      name: j.name,
      run: async (...args: Parameters<typeof j.run>) => {
        const j0 = performance.now();
        try {
          return await j.run(...args);
        } finally {
          spent.set(j.name, (spent.get(j.name) ?? 0) + performance.now() - j0);
        }
      },
    }));
    const r = await tick(deps, { concurrency, holder: 'bench', chunk: 25, jobs });
    if (process.env.SETTLE_PROFILE === '1') log('ms per job (sum over workers):', Object.fromEntries(spent));
    const seconds = (performance.now() - t0) / 1000;
    log(`settlement tick: ${r.accounts} due, ran ${r.ran}, failed ${r.failed.length}, ${seconds.toFixed(1)} s`);
    const [s] = await rows<{ n: number }>(db, sql`select count(*)::int as n from settlements where period = ${DAY}`);
    // Idle: every account settled; the pass is the due query alone (best of 3).
    let idleTickMs = Number.POSITIVE_INFINITY;
    let dueQueryAccounts = -1;
    for (let i = 0; i < 3; i++) {
      const i0 = performance.now();
      const idle = await tick(deps, { concurrency, holder: 'bench' });
      idleTickMs = Math.min(idleTickMs, performance.now() - i0);
      dueQueryAccounts = idle.accounts;
    }
    log(`idle tick over ${total.toLocaleString()} accounts: ${idleTickMs.toFixed(1)} ms, ${dueQueryAccounts} due`);
    return {
      accounts: total,
      due,
      callsPerAccount: calls,
      loadSeconds,
      seconds,
      accountsPerSecond: r.ran / seconds,
      concurrency,
      idleTickMs,
      dueQueryAccounts,
      settled: s?.n ?? 0,
      failed: r.failed.length,
    };
  } finally {
    await h.close();
    if (process.env.SETTLE_KEEP === '1') log(`kept database ${name}`);
    else await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchSettlement({
    adminUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    accounts: Number.parseInt(process.env.SETTLE_ACCOUNTS ?? '100000', 10),
    due: Number.parseInt(process.env.SETTLE_DUE ?? '100000', 10),
    concurrency: Number.parseInt(process.env.SCHEDULER_CONCURRENCY ?? '4', 10),
  });
  console.log(r);
}
