/**
 * Bills benchmark (issue 6, R5.5): fills one account with BILLS_ROWS itemized rows (default 10 million)
 * across 12 months, plus a hundred other accounts, on PostgreSQL in its own database (created and
 * dropped), then measures the BFF over HTTP, run as a separate process (apps/bff/src/server.ts):
 * first page and a page 100,000 rows deep, with and without filters (p50/p95); the overview and the
 * resource-ID bill of the biggest month; a CSV export of that month (≥ 1 million rows at the default
 * size), with rows/s and the BFF process's peak RSS (VmHWM from /proc/<pid>/status).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres BILLS_ROWS=1000000 pnpm --filter @idv/bench bench
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb } from '@idv/db';
import postgres from 'postgres';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const bffDir = resolve(root, 'apps/bff');

const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROWS = Number.parseInt(process.env.BILLS_ROWS ?? '10000000', 10);
const OTHER_ACCOUNTS = 100;
const OTHER_ROWS_EACH = Number.parseInt(process.env.BILLS_OTHER_ROWS ?? '2000', 10);
const RESOURCES = 500;
const SAMPLES = Number.parseInt(process.env.BILLS_SAMPLES ?? '40', 10);
const BIG = 'acct_bench_big';
/** 12 months ending at the biggest one; the last month gets 12% of the rows, the other 11 share the rest. */
const FIRST_MONTH = '2025-12';
const BIG_MONTH = '2026-11';
const PRODUCTS = ['realname', 'face', 'ocr', 'risk', 'mobile', 'bankcard'];

export interface BillsBenchResult {
  rows: number;
  loadSeconds: number;
  pages: { name: string; p50: number; p95: number }[];
  overviewMs: { p50: number; p95: number };
  resourcesMs: { p50: number; p95: number };
  csv: { rows: number; seconds: number; rowsPerSecond: number; peakRssMb: number; idleRssMb: number };
  /** 1-minute load average of the machine when the measurements started and ended (shared machine). */
  load: [number, number];
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0) * 10) / 10;
}
const log = (...a: unknown[]) => console.log('[bills]', ...a);

/**
 * Rows [from, to) of month `m` (0 = FIRST_MONTH) of one account, `perMonth` rows in that month, in
 * time order, as the settlement engine writes them (so the heap is in time order, as in production).
 * Every other attribute is a deterministic hash of the row number: varied, cent-exact.
 */
function generatorSql(
  accountId: string,
  m: number,
  from: number,
  to: number,
  perMonth: number,
  resources: number,
  resPrefix: string,
): string {
  return `
    insert into charges (account_id, occurred_at, month, resource_id, product, label, billing_mode,
                         transaction_type, unit_price, quantity, amount, paid_cash, paid_income, paid_gift,
                         paid_voucher, order_id, pack_id, settlement_id)
    select '${accountId}',
           g.start + make_interval(secs => (k::float8 * 28 * 86400) / ${perMonth}),
           g.month,
           case when t.kind in ('purchase', 'refund') then null else '${resPrefix}' || ((k * 13) % ${resources}) end,
           p.product, p.product || '.std',
           case when t.kind = 'daily_settlement' then 'postpaid' else 'prepaid' end,
           t.kind, 0.3000, q.quantity, a.amount, a.amount, 0, 0, 0,
           case when t.kind in ('purchase', 'refund') then 'ord_b' || k end,
           case when t.kind = 'pack_deduction' then k % 1000 end,
           case when t.kind = 'daily_settlement' then 'stl_b' || (k % 100000) end
      from generate_series(${from}::bigint, ${to - 1}::bigint) k
     cross join (select to_char(d, 'YYYY-MM') as month, (d::timestamp at time zone 'UTC') - interval '8 hours' as start
                   from (select (date '${FIRST_MONTH}-01' + make_interval(months => ${m}))::date as d) d0) g
     cross join lateral (select case when (k * 31) % 100 = 0 then 'purchase' when (k * 31) % 100 = 1 then 'refund'
                                     when (k * 31) % 100 < 25 then 'pack_deduction' else 'daily_settlement' end as kind) t
     cross join lateral (select (array['${PRODUCTS.join("','")}'])[1 + (k * 7) % ${PRODUCTS.length}] as product) p
     cross join lateral (select (1 + k % 997)::int as quantity) q
     cross join lateral (select case t.kind when 'purchase' then 1000.00 when 'refund' then -1000.00
                                 when 'pack_deduction' then 0 else round(q.quantity * 0.3, 2) end::numeric(20,4) as amount) a
     order by k`;
}

/** Rows per month: the biggest (last) month holds 12% of them, the 11 others share the rest. */
function monthRows(total: number): number[] {
  const big = Math.round(total * 0.12);
  const rest = total - big;
  return Array.from({ length: 12 }, (_, m) => (m === 11 ? big : Math.floor(rest / 11) + (m < rest % 11 ? 1 : 0)));
}

async function load(sql: postgres.Sql): Promise<{ token: string; seconds: number }> {
  const t0 = process.hrtime.bigint();
  const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
  const activated = new Date(Date.now() - 30 * 86_400_000);
  // Accounts are settled through yesterday, so the BFF's scheduler has nothing to do during the run.
  const accounts = [BIG, ...Array.from({ length: OTHER_ACCOUNTS }, (_, k) => `acct_bench_${k}`)];
  await sql`insert into accounts ${sql(
    accounts.map((id) => ({ id, name: id, settlement: 'daily', activated_at: activated, settled_through: yesterday })),
  )}`;
  await sql.unsafe(`
    insert into resources (id, account_id, alias, project, region)
    select 'bres-' || k, '${BIG}', 'App ' || k || ' 应用', 'proj-' || (k % 20), 'ap-region-' || (k % 6)
      from generate_series(0, ${RESOURCES - 1}) k`);
  await sql.unsafe(`
    insert into resources (id, account_id, alias, project, region)
    select 'ores-' || a || '-' || k, 'acct_bench_' || a, 'Other ' || k, 'proj-' || k, 'ap-region-' || k
      from generate_series(0, ${OTHER_ACCOUNTS - 1}) a, generate_series(0, 2) k`);
  // Bulk load: secondary indexes of charges are dropped and rebuilt after (much faster than
  // maintaining them row by row); the aggregate triggers stay on, so bill_aggregates is built by
  // the same code path as in production, one statement per batch.
  const indexes = await sql<{ indexname: string; indexdef: string }[]>`
    select indexname, indexdef from pg_indexes where tablename = 'charges' and indexname <> 'charges_pkey'`;
  for (const ix of indexes) await sql.unsafe(`drop index ${ix.indexname}`);
  // The foreign key's per-row check dominates a bulk insert; it is re-added (and validated in one
  // pass) after the load.
  const fks = await sql<{ conname: string; def: string }[]>`
    select conname, pg_get_constraintdef(oid) as def from pg_constraint
     where conrelid = 'charges'::regclass and contype = 'f'`;
  for (const fk of fks) await sql.unsafe(`alter table charges drop constraint ${fk.conname}`);
  const batch = 500_000;
  let done = 0;
  for (const [m, perMonth] of monthRows(ROWS).entries()) {
    for (let from = 0; from < perMonth; from += batch) {
      const tb = process.hrtime.bigint();
      const to = Math.min(perMonth, from + batch);
      await sql.unsafe(generatorSql(BIG, m, from, to, perMonth, RESOURCES, 'bres-'));
      done += to - from;
      log(`loaded ${done.toLocaleString()} / ${ROWS.toLocaleString()} rows (${ms(tb).toFixed(0)} ms)`);
    }
  }
  for (let a = 0; a < OTHER_ACCOUNTS; a += 10) {
    const stmts = [];
    for (let k = a; k < Math.min(OTHER_ACCOUNTS, a + 10); k++) {
      const per = monthRows(OTHER_ROWS_EACH);
      for (const [m, n] of per.entries()) {
        if (n > 0) stmts.push(sql.unsafe(generatorSql(`acct_bench_${k}`, m, 0, n, n, 3, `ores-${k}-`)));
      }
    }
    await Promise.all(stmts);
  }
  log(`other accounts loaded (${(OTHER_ACCOUNTS * OTHER_ROWS_EACH).toLocaleString()} rows)`);
  await sql.reserve().then(async (one) => {
    try {
      await one.unsafe(`set maintenance_work_mem = '1GB'`);
      await one.unsafe('set max_parallel_maintenance_workers = 2');
      for (const ix of indexes) {
        const tb = process.hrtime.bigint();
        await one.unsafe(ix.indexdef);
        log(`index ${ix.indexname} (${ms(tb).toFixed(0)} ms)`);
      }
      for (const fk of fks) await one.unsafe(`alter table charges add constraint ${fk.conname} ${fk.def}`);
    } finally {
      one.release();
    }
  });
  await sql.unsafe('vacuum analyze charges');
  await sql.unsafe('vacuum analyze bill_aggregates');
  await sql.unsafe('analyze resources');
  // A signed-in user of the big account: a session row whose cookie token we hold.
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await sql`insert into users (id, email, name, password_hash, kind, roles, account_id)
            values ('usr_bench', 'bench@example.com', 'Bench', 'x', 'customer', ${['owner']}, ${BIG})`;
  await sql`insert into sessions (id, user_id, created_at, last_seen_at, expires_at)
            values (${createHash('sha256').update(token).digest('hex')}, 'usr_bench', ${now}, ${now},
                    ${new Date(now.getTime() + 6 * 3_600_000)})`;
  return { token, seconds: ms(t0) / 1000 };
}

async function startBff(url: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: bffDir,
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), SEED_DEMO: '0', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('BFF did not start in 60 s')), 60_000);
    child.stdout?.on('data', (b: Buffer) => {
      if (b.toString().includes('Billing console on')) {
        clearTimeout(timer);
        ok();
      }
    });
    child.on('exit', (code) => fail(new Error(`BFF exited with ${code}`)));
    child.on('error', fail);
  });
  return child;
}

function rssMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Math.round(Number(m?.[1] ?? 0) / 1024);
}

export async function runBillsBench(): Promise<BillsBenchResult> {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  const dbName = `idv_bench_bills_${randomBytes(4).toString('hex')}`;
  await admin.unsafe(`create database ${dbName}`);
  const u = new URL(ADMIN_URL);
  u.pathname = `/${dbName}`;
  const url = u.toString();
  let child: ChildProcess | undefined;
  const sql = postgres(url, { max: 12, onnotice: () => {} });
  try {
    log(`database ${dbName}; ${ROWS.toLocaleString()} rows for one account; ${cpus().length} CPUs`);
    const h = await createDb({ databaseUrl: url, poolSize: 1 });
    await h.close();
    const { token, seconds: loadSeconds } = await load(sql);
    log(`load + index + analyze: ${loadSeconds.toFixed(1)} s`);
    const [big] = await sql<
      { n: string }[]
    >`select count(*)::text as n from charges where account_id = ${BIG} and month = ${BIG_MONTH}`;
    const bigMonthRows = Number(big?.n ?? 0);

    const port = 40_000 + Math.floor(Math.random() * 10_000);
    child = await startBff(url, port);
    const pid = child.pid ?? 0;
    // Let the scheduler's start-up catch-up (every account's jobs) finish before measuring.
    await new Promise((ok) => setTimeout(ok, 10_000));
    const base = `http://127.0.0.1:${port}/api/v1`;
    const headers = { cookie: `sid=${token}` };
    const get = async (path: string) => {
      const res = await fetch(`${base}${path}`, { headers });
      if (res.status !== 200) throw new Error(`${path} → ${res.status} ${await res.text()}`);
      return res;
    };
    const time = async (path: string, n = SAMPLES) => {
      for (let k = 0; k < 10; k++) await (await get(path)).arrayBuffer(); // warm-up
      const xs: number[] = [];
      for (let k = 0; k < n; k++) {
        const t0 = process.hrtime.bigint();
        await (await get(path)).arrayBuffer();
        xs.push(ms(t0));
      }
      return { p50: pct(xs, 50), p95: pct(xs, 95) };
    };
    /** The cursor of row `depth` of the filter, as the API would hand it out after `depth` rows. */
    const deepCursor = async (where: string, depth: number) => {
      const [r] = await sql.unsafe<{ at: string; id: string }[]>(`
        select (c.occurred_at at time zone 'UTC')::text as at, c.id::text as id
          from charges c ${where.includes('r.') ? 'join resources r on r.id = c.resource_id' : ''}
         where c.account_id = '${BIG}' and c.month = '${BIG_MONTH}' ${where}
         order by c.occurred_at desc, c.id desc offset ${depth - 1} limit 1`);
      return r ? Buffer.from(JSON.stringify([r.at, r.id])).toString('base64url') : null;
    };
    const DEPTH = Math.min(100_000, Math.floor(bigMonthRows / 2));
    const cases: { name: string; qs: string; where: string }[] = [
      { name: 'no filter', qs: '', where: '' },
      { name: 'product=face', qs: '&product=face', where: `and c.product = 'face'` },
      { name: 'billingMode=prepaid', qs: '&billingMode=prepaid', where: `and c.billing_mode = 'prepaid'` },
      {
        name: 'transactionType=purchase (1%)',
        qs: '&transactionType=purchase',
        where: `and c.transaction_type = 'purchase'`,
      },
      { name: 'project=proj-3', qs: '&project=proj-3', where: `and r.project = 'proj-3'` },
      {
        name: 'q=bres-42 (one resource)',
        qs: '&q=bres-42',
        where: `and c.resource_id in (select id from resources where account_id = '${BIG}' and (id ilike '%bres-42%' or alias ilike '%bres-42%'))`,
      },
    ];
    const loadStart = loadavg()[0] ?? 0;
    // The floor of any request on this machine now: session lookup + routing, no bill work.
    const pages: BillsBenchResult['pages'] = [
      { name: 'baseline: GET /api/v1/me (no bill work)', ...(await time('/me')) },
    ];
    for (const c of cases) {
      const first = await time(`/bills/items?month=${BIG_MONTH}&limit=50${c.qs}`);
      pages.push({ name: `items, ${c.name}, first page`, ...first });
      const cursor = await deepCursor(
        c.where,
        c.name.includes('1%') || c.name.includes('one resource') ? 1_000 : DEPTH,
      );
      if (cursor) {
        const deep = await time(`/bills/items?month=${BIG_MONTH}&limit=50${c.qs}&cursor=${cursor}`);
        const depth = c.name.includes('1%') || c.name.includes('one resource') ? 1_000 : DEPTH;
        pages.push({ name: `items, ${c.name}, ${depth.toLocaleString()} rows deep`, ...deep });
      }
      log(pages.slice(-2));
    }
    const overviewMs = await time(`/bills/overview?month=${BIG_MONTH}`);
    const resourcesMs = await time(`/bills/resources?month=${BIG_MONTH}&limit=50`);
    pages.push({ name: 'resources, first page', ...resourcesMs });
    log({ overviewMs, resourcesMs });

    const idleRssMb = rssMb(pid, 'VmRSS');
    const t0 = process.hrtime.bigint();
    const res = await get(`/bills/items.csv?month=${BIG_MONTH}`);
    let lines = 0;
    const reader = res.body?.getReader();
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      for (const b of chunk.value) if (b === 10) lines++;
    }
    const seconds = ms(t0) / 1000;
    const csvRows = lines - 1;
    if (csvRows !== bigMonthRows) throw new Error(`CSV has ${csvRows} rows, the month ${bigMonthRows}`);
    const csv = {
      rows: csvRows,
      seconds: Math.round(seconds * 100) / 100,
      rowsPerSecond: Math.round(csvRows / seconds),
      peakRssMb: rssMb(pid, 'VmHWM'),
      idleRssMb,
    };
    log({ csv });
    const loadAvg: [number, number] = [Math.round(loadStart * 10) / 10, Math.round((loadavg()[0] ?? 0) * 10) / 10];
    return { rows: ROWS, loadSeconds: Math.round(loadSeconds), pages, overviewMs, resourcesMs, csv, load: loadAvg };
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((ok) => child?.once('exit', ok));
      child.kill('SIGTERM');
      await exited;
    }
    await sql.end({ timeout: 5 });
    if (process.env.BILLS_KEEP === '1') log(`kept database ${dbName}`);
    else await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}

export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`;
}

const perfDoc = resolve(root, 'docs/performance.md');
const SECTION_RE = /\n## Bills\b[\s\S]*?(?=\n## |$)/;

/** The figures before the month-level summary, the per-resource walk and COPY (same machine, for comparison). */
const BEFORE = `Before (same benchmark, previous implementation): 10M rows at load 16–24 — worst items page p95 227 ms,
overview p95 259.9 ms, CSV 33,962 rows/s (peak RSS 239 MB); 2M rows at load 4.7 (2026-11-22T19:59Z) — worst
items page p95 25.7 ms, overview p50/p95 15/19.3 ms, CSV 240,000 rows in 2.93 s = 82,051 rows/s (peak RSS 286 MB).`;

function verdict(ok: boolean): string {
  return ok ? 'met' : '**NOT met**';
}

/** The "Bills" section of docs/performance.md for one run. */
export function billsMarkdown(r: BillsBenchResult, started: number): string {
  const f0 = (n: number) => Math.round(n).toLocaleString('en-US');
  const worstFirst = Math.max(...r.pages.filter((p) => p.name.startsWith('items')).map((p) => p.p95));
  const baseline = r.pages.find((p) => p.name.startsWith('baseline'));
  const first = r.pages.find((p) => p.name === 'items, no filter, first page');
  const deep = r.pages.find((p) => p.name.startsWith('items, no filter,') && p.name.endsWith('deep'));
  const ratio = first && deep ? deep.p50 / first.p50 : Number.NaN;
  return `
## Bills (issue 6, R5.5)

\`bench/bills.ts\` (run by \`pnpm bench\`, or alone: \`cd bench && npx tsx bills.ts\`; \`BILLS_ROWS\` for a
smaller run, \`BILLS_SKIP=1\` in \`pnpm bench\` keeps this section as it is). Last run: ${new Date().toISOString()},
${((Date.now() - started) / 1000).toFixed(0)} s in all, on ${machine()}; PostgreSQL 15 on the same machine, shared
with other work: 1-minute load average ${r.load[0]} when the measurements started, ${r.load[1]} when they ended
(on 2 cores; timings are wall-clock under that load, compare them with the baseline line).

Data: **${f0(r.rows)} itemized rows in one account** across 12 months (the biggest month, 2026-11, holds
12% of them; 76% daily settlements, 23% pack deductions, 1% purchases and refunds; 500 resources in 20
projects and 6 regions; 6 products), plus ${OTHER_ACCOUNTS} other accounts with ${f0(OTHER_ROWS_EACH)} rows each, in its own
database (created and dropped). Loaded in ${f0(r.loadSeconds)} s with \`INSERT … SELECT generate_series\` in time order
(as the settlement engine writes), secondary indexes dropped during the load and rebuilt after; the
\`bill_aggregates\` triggers stay on, so the summary table is built by the production code path.

Measured over HTTP against the BFF **run as a separate process** (\`apps/bff/src/server.ts\`, PostgreSQL, the
scheduler running), ${SAMPLES} requests per line after 10 warm-ups (and 10 s after start, once the scheduler's catch-up tick is done), one at a time; page = 50 rows. A deep page
uses the cursor the API hands out after that many rows (computed once with SQL, so the walk is not timed).

| request | p50 ms | p95 ms |
|---|---:|---:|
${r.pages.map((p) => `| ${p.name} | ${p.p50} | ${p.p95} |`).join('\n')}
| overview (total, by product, by mode, 12-month trend) | ${r.overviewMs.p50} | ${r.overviewMs.p95} |

CSV export of the biggest month: **${f0(r.csv.rows)} rows in ${r.csv.seconds} s = ${f0(r.csv.rowsPerSecond)} rows/s**; peak RSS of
the BFF process ${r.csv.peakRssMb} MB (VmHWM from /proc, whole process lifetime; ${r.csv.idleRssMb} MB before the export).

Targets: page p95 < 50 ms — worst items page p95 ${worstFirst} ms (baseline request p95 ${baseline?.p95 ?? '?'} ms): ${verdict(worstFirst < 50)}; deep page within 2× of the
first — ${Number.isFinite(ratio) ? ratio.toFixed(2) : '?'}× at p50: ${verdict(ratio <= 2)}; overview < 200 ms — p95 ${r.overviewMs.p95} ms: ${verdict(r.overviewMs.p95 < 200)};
CSV ≥ 100k rows/s — ${verdict(r.csv.rowsPerSecond >= 100_000)}; peak RSS < 300 MB — ${verdict(r.csv.peakRssMb < 300)}.

Why it is fast (docs/decisions/0004-bills.md): pages are keyset on (occurred_at desc, id desc) over
\`charges_bill_{time,product,mode,type,resource}_idx\` (account, month, [filter column,] occurred_at, id), so a page
— first or 100,000 rows deep — is one index range scan of 51 entries; a filter on several resources (project,
region, q) walks each resource's range of \`charges_bill_resource_idx\` (≤ 51 entries each) and merges them. The
page and its count/total are read at once (two pooled connections). Counts, totals, the overview and the
resource-ID bill read the trigger-kept summaries, never the millions of charges: \`bill_month_aggregates\`
(account, month, product, mode, type: a few hundred rows a year) when no resource filter is given,
\`bill_aggregates\` (with the resource) otherwise. On PostgreSQL the CSV is \`COPY (SELECT …) TO STDOUT (FORMAT
csv)\` on a reserved connection, streamed into the response as the client reads it (the driver pauses its
socket, so memory stays bounded); Node only turns LF into CRLF. PGlite keeps keyset batches of 5,000 lines.

${BEFORE}
`;
}

/**
 * The last bills run's figures (bench/results/bills.json), so that `pnpm bench` with BILLS_SKIP=1 (the
 * 10M-row load takes minutes) still lists them in its summary table, with the date of that run.
 */
export const billsResultFile = resolve(here, 'results/bills.json');

export function saveBillsResult(r: BillsBenchResult): void {
  mkdirSync(dirname(billsResultFile), { recursive: true });
  writeFileSync(billsResultFile, `${JSON.stringify({ at: new Date().toISOString(), result: r }, null, 2)}\n`);
}

export function lastBillsResult(): { at: string; result: BillsBenchResult } | null {
  if (!existsSync(billsResultFile)) return null;
  return JSON.parse(readFileSync(billsResultFile, 'utf8')) as { at: string; result: BillsBenchResult };
}

/** Runs the bills benchmark (or, with BILLS_SKIP=1, keeps the existing section) and returns its section. */
export async function billsSection(): Promise<string> {
  if (process.env.BILLS_SKIP === '1') {
    const old = existsSync(perfDoc) ? SECTION_RE.exec(readFileSync(perfDoc, 'utf8'))?.[0] : undefined;
    return old ?? '\n## Bills (issue 6, R5.5)\n\nNot run (BILLS_SKIP=1).\n';
  }
  const started = Date.now();
  const r = await runBillsBench();
  saveBillsResult(r);
  return billsMarkdown(r, started);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const section = await billsSection();
  const doc = existsSync(perfDoc) ? readFileSync(perfDoc, 'utf8') : '# Performance\n';
  writeFileSync(perfDoc, SECTION_RE.test(doc) ? doc.replace(SECTION_RE, section) : `${doc.trimEnd()}\n${section}`);
  console.log(section);
}
