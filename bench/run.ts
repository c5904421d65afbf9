/**
 * Runs every benchmark (issue 3: ingest) and writes docs/performance.md. Bounded: well under two
 * minutes on the 2-core reference machine. PostgreSQL from DATABASE_URL (default: the local server).
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { billsSection } from './bills.ts';
import { benchIngest, type IngestResult } from './ingest.ts';

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const started = Date.now();
const loadBefore = loadavg()[0] ?? 0;
const results: IngestResult[] = [];
// 10 clients over 10 accounts (production: many customers at once), then all on one account (the
// worst case: ingest is serialised per account by design).
results.push(await benchIngest('postgres', { batchesPerClient: 10, accounts: 10, adminUrl }));
results.push(await benchIngest('postgres', { batchesPerClient: 6, accounts: 1, adminUrl }));
results.push(await benchIngest('pglite', { batchesPerClient: 4, accounts: 1 }));

const f0 = (n: number) => Math.round(n).toLocaleString('en-US');
const table = [
  '| database | accounts | events | ingest s | ingest events/s | raw insert s | raw inserts/s | ingest / raw | outcomes |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---|',
  ...results.map(
    (r) =>
      `| ${r.db} | ${r.accounts} | ${f0(r.events)} | ${r.seconds.toFixed(2)} | **${f0(r.eventsPerSecond)}** | ${r.rawSeconds.toFixed(2)} | ${f0(r.rawPerSecond)} | **${(r.ratio * 100).toFixed(0)}%** | ${Object.entries(
        r.outcomes,
      )
        .map(([k, v]) => `${k} ${f0(v)}`)
        .join(', ')} |`,
  ),
].join('\n');
console.log(table);

const cpu = cpus();
const machine = `${cpu.length} cores (${cpu[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`;
const pg = results.find((r) => r.db === 'postgres' && r.accounts > 1);
const pg1 = results.find((r) => r.db === 'postgres' && r.accounts === 1);
const doc = `# Performance

Measured by \`pnpm bench\` (\`bench/run.ts\`), which rewrites this page. Last run: ${new Date().toISOString()},
${((Date.now() - started) / 1000).toFixed(0)} s in all, on ${machine}; PostgreSQL 15 on the same machine.

## Usage ingest with deduction (issue 3)

Batches of 1000 events, 10 concurrent clients, spread over 10 accounts and then all on **one
account** (the worst case: ingest is serialised per account by design, see
docs/decisions/0002-billing-engine.md), through the real app
(\`app.request\`: routing, service-key check, zod validation, the ingest use case). The stream is 70%
calls of a label with packs (gift and purchased, R4.2), 20% postpaid, 10% non-billable. *Raw insert*
is the same rows written with the same INSERT statement (one transaction per 1000 rows, same
concurrency) into the same database in the same run, without locks, reads or deduction.

${table}

Targets: ≥ 10,000 events/s on PostgreSQL and ≥ 30% of the raw insert rate.
PostgreSQL, 10 accounts: ${pg ? `${f0(pg.eventsPerSecond)} events/s (${pg.eventsPerSecond >= 10_000 ? 'met' : 'NOT met'}), ${(pg.ratio * 100).toFixed(0)}% of raw (${pg.ratio >= 0.3 ? 'met' : 'NOT met'})` : 'not run'}.
PostgreSQL, one account: ${pg1 ? `${f0(pg1.eventsPerSecond)} events/s, ${(pg1.ratio * 100).toFixed(0)}% of raw` : 'not run'}: one
account's batches never overlap (advisory lock), so its rate is bounded by one batch's latency
(the 1000-row INSERT with its five index updates, the reads and the commit's WAL flush), whereas
the raw inserts run 10 at a time.
1-minute load average: ${loadBefore.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end of the
ingest runs (2 cores: above 2 means other work competed for the CPU, so the absolute figures are
lower bounds; each ratio is measured in the same minute as its ingest figure).

What a batch costs: one transaction with 7 statements whatever its size: the advisory lock, the
account row FOR SHARE, three reads (ids already stored, the batch's resources, the candidate packs;
pipelined), one INSERT of all events (rows as one JSON parameter through \`json_to_recordset\`) and
one guarded UPDATE of the packs' counts. PGlite runs one statement at a time in this process, so its
clients queue; its figure is for the embedded demo, not for production.
`;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Bills (issue 6): ~10 min at the default 10M rows; BILLS_SKIP=1 keeps the last figures.
writeFileSync(resolve(root, 'docs/performance.md'), doc + (await billsSection()));
console.log(`wrote docs/performance.md (${((Date.now() - started) / 1000).toFixed(0)} s)`);
