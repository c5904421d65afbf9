/**
 * Issue 15 (fast read path): its targets as table rows and its section of docs/performance.md, from one
 * run of the read benchmarks (bench/http.ts), the mixed load (bench/mixed.ts), and the two "no
 * regression" figures measured in the same run (ingest on 10 accounts vs raw insert, initial JS).
 * Used by `pnpm bench` (every section) and `BENCH_ONLY=read pnpm bench` (just these, ~6 min), which
 * rewrites only the issue 15 rows and section of docs/performance.md.
 */
import type { BundleResult } from './bundle.ts';
import type { HttpResult } from './http.ts';
import type { IngestResult } from './ingest.ts';
import type { MixedResult } from './mixed.ts';

export interface ReadRun {
  at: string;
  machine: string;
  loads: { step: string; load: number }[];
  http: HttpResult | null;
  mixed: MixedResult | null;
  ingest10: IngestResult | null;
  bundle: BundleResult | null;
}

export type Row = [string, string, string, string];

const f0 = (n: number) => Math.round(n).toLocaleString('en-US');
const yes = (ok: boolean) => (ok ? 'met' : '**NOT met**');
const pc = (r: number) => `${(r * 100).toFixed(1)}%`;

/** The summary rows of issue 15's targets (the issue's own figures, never ours). */
export function issue15Rows(r: ReadRun): Row[] {
  const rows: Row[] = [];
  const http = r.http;
  if (http) {
    for (const path of ['/api/v1/me', '/api/v1/packs']) {
      const e = http.endpoints.find((x) => x.path === path);
      if (!e) continue;
      rows.push([
        `GET ${path}, signed in, ${http.connections} connections (issue 15)`,
        `${pc(e.ratio)} of hello-world (${f0(e.rps)} req/s), p99 ${e.p99} ms, ${e.non2xx + e.errors} errors`,
        '≥ 10% of hello-world, p99 < 20 ms',
        yes(e.ratio >= 0.1 && e.p99 < 20 && e.non2xx === 0 && e.errors === 0),
      ]);
    }
    rows.push([
      'Hono hello-world, same adapter, same run (before / after)',
      `${f0(http.hello.rps)} / ${f0(http.helloAfter.rps)} req/s`,
      '— (reference)',
      '—',
    ]);
  }
  const m = r.mixed;
  if (m) {
    const errors = m.reads.errors + m.writes.errors;
    rows.push([
      `Mixed load, ${m.clients} clients, ${m.seconds} s, PostgreSQL: reads (issue 15)`,
      `p99 ${m.reads.p99} ms (${f0(m.reads.requests)} requests)`,
      'p99 < 100 ms',
      yes(m.reads.p99 < 100),
    ]);
    rows.push([
      'Mixed load: writes (ingest batches, orders, refunds)',
      `p99 ${m.writes.p99} ms (${f0(m.writes.requests)} requests)`,
      'p99 < 250 ms',
      yes(m.writes.p99 < 250),
    ]);
    rows.push([
      'Mixed load: errors and invariants afterwards',
      `${errors} errors, ${m.violations.length} violations`,
      '0 errors, invariants intact',
      yes(errors === 0 && m.violations.length === 0),
    ]);
  }
  if (r.ingest10)
    rows.push([
      'No regression: ingest / raw insert, PostgreSQL, 10 accounts (issue 15)',
      `${(r.ingest10.ratio * 100).toFixed(0)}% (${f0(r.ingest10.eventsPerSecond)} events/s)`,
      '≥ 60%',
      yes(r.ingest10.ratio >= 0.6),
    ]);
  if (r.bundle)
    rows.push([
      'No regression: console initial JS, gzip (issue 15)',
      `${(r.bundle.initialGzip / 1000).toFixed(1)} KB`,
      '≤ 170 KB',
      yes(r.bundle.initialGzip <= 170_000),
    ]);
  return rows;
}

const table = (rows: Row[]) =>
  [
    '| target | figure | issue 15 target | verdict |',
    '|---|---|---|---|',
    ...rows.map((x) => `| ${x.join(' | ')} |`),
  ].join('\n');

const NOTES = `### What changed, and what a request costs now

Found with \`bench/profile.ts\` (the recipe: \`cd apps/bff && node build.mjs; cd ../../bench && npx tsx profile.ts /healthz
/api/v1/me /api/v1/packs\` runs \`node --cpu-prof\` on the compiled server under autocannon and prints the self time by
package and the heaviest functions of the measured window; the .cpuprofile opens in Chrome DevTools). Before, on
\`/packs\` and \`/me\`: Drizzle query building ~19% of the CPU; every query with parameters sent in **two** round trips
(postgres.js sends Drizzle's unnamed statements as Parse/Describe, waits for the parameter types, then Bind/Execute,
and PostgreSQL plans each one again); three statements for \`/packs\` (session+user+impersonation, account, packs);
a synchronous write(2) per log line; \`randomBytes\` per request id. What was done:

- **One statement per request for who asks and which account**: the session, its user, a live impersonation and
  the account acted on (the impersonated one, else the user's own) in one prepared join
  (\`repositories/auth.ts\` \`loadSession\`). The row of the account is that request's snapshot; \`/me\`, \`/packs\` and
  \`/account\` use it instead of reading the account again. Every check stays per request and exact: idle and
  absolute session limits, impersonation expiry and read-only mode against the clock, the demo clock from the row.
- **Prepared statements** for the hot reads (Drizzle \`.prepare()\` with placeholders, one per query shape and
  database handle: \`repositories/prepared.ts\`): the session, the account, its vouchers, the pack list (one
  statement per filter shape, ≤ 32). Every other statement with 1–24 parameters is also sent as a named prepared
  statement (\`packages/db\` \`createDb\`, \`prepareUpTo\`), so transactions (ingest, orders, refunds) lose one round
  trip per statement; statements whose text grows with the input (IN lists, multi-row VALUES) exceed 24 parameters
  and stay unnamed, so the statements kept per connection stay a bounded set.
- **Catalog in memory**: read once per database and process and shared with that database's transactions (orders,
  refunds and deliveries re-read it before). It changes only with a deployment (migrations and \`seedCatalog\` are its
  only writers), so the deployment is the invalidation: each instance reads it once at its first use; in a rolling
  deployment that changes it, old instances keep the old catalog until they stop, as they keep the old code.
- **Cheaper per-request work**: the JSON log is written asynchronously (lines written during a write go out in the
  next one; flushed synchronously on exit, so only a SIGKILL can lose the last lines); request ids are cut from a
  pooled random buffer; the HTTP metrics' label children are cached per route, method and status.
- **Session snapshots for signed-in GETs** (issue 15, \`docs/decisions/0019-session-snapshot-cache.md\`): a CPU
  profile after the changes above still showed the socket writes to PostgreSQL as the largest cost after the HTTP
  response itself, and on \`/me\` the session statement was the only query. Each instance now keeps the row that
  statement read, per session, for at most **1 s**, for GET and HEAD only (every other method reads fresh). The limits
  (idle, absolute), the impersonation expiry, read-only mode and the grants are still checked against the clock on
  every request; a snapshot that says "ended" is re-read before anything is deleted; the clock is never cached.
  \`/account\` never answers balances from a snapshot (it reads the account itself); \`/me\` and \`/packs\` take the
  account's name, demo clock and violation flag from it. Every write through the API drops this instance's snapshots
  before its response leaves (read-your-writes) and sends \`NOTIFY idv_session_snapshots\`, on which every instance
  drops its own. **Revocation bound: ~ms normally; ≤ 1 s if a notification is lost** (writes, and the instance that
  made the change: at once), proved on two processes on PostgreSQL by polling the other instance until it refuses
  (\`apps/bff/test/revocation-scale-out.test.ts\`).

- **Pages of \`GET /packs\` kept per account** (issue 15, \`docs/decisions/0020-pack-pages-kept.md\`): per instance, per
  account and query, for at most 1 s, and only while the account's clock has not reached the first instant at which
  time alone would change the page (a pack expiring, a refund window closing; for pages filtered on \`expired\` or sorted
  active first, any pack of the account expiring). Any write through the API drops its account's pages (read-your-writes);
  any change of a pack row by anyone (jobs included) reaches every instance through a statement-level trigger's
  \`pg_notify\` (migration 0012) and the instance's LISTEN. A kept page's JSON text is made once.
- **The request log line skips redaction**: it is built from fixed keys with nothing to redact, and pino's redaction
  pass cost ~5 µs a line (about 4% of a signed-in GET); every other line is still redacted.
- **Dates by arithmetic in the billing package**: a CPU profile of the mixed load showed the CST date helpers at about
  27% of the BFF's CPU (deduction checks each pack's validity per event, and the start of a pack's validity was found
  by formatting a date string and parsing it back). \`startOfCstDayMs\` does it with one division (pinned to the
  calendar form by a property test) and \`cstDate\` remembers its last day: about 2% now. This is what lifted the ingest
  ratio (below) and most of the mixed load's reads.
- **Account data writes leave the session snapshots**: \`POST /usage/events\`, \`/orders\` and \`/refunds\` change nothing a
  snapshot answers (decision 0019, amended), so they drop only their account's pack pages.
- **Fewer round trips on writes, above all while the account is locked** (2026-11-28). A write transaction waits
  for the event loop between each of its statements while it holds its connection and its account's row lock, and
  the account's other writers wait for that lock; so each round trip taken out of a transaction shortens two waits.
  - A notice is one statement: the notification and its outbox rows in one data-modifying \`WITH\` (they were
    three round trips: recipients and settings, notification, outbox). Its recipients and settings
    (\`notificationContext\`) are read beforehand, with the transaction's first group, when the caller knows it will
    write one (orders, refunds); the pack notices of an ingest batch read them once and are written together.
  - An order's packs and the R4.3 read of the day's postpaid calls go together (which label and day coverage reads is
    known before the insert); its answer is built from what it wrote (the order row and the packs as delivered and
    covered, \`deliveredPackRows\`) instead of read back, so the stored idempotent response goes with the last group
    (\`idempotentTransaction\`'s \`respond\`); whether the account has a budget is read in the first group, and the
    budget alerts after the commit run only if it has one (a budget created meanwhile waits on the account lock,
    see \`budgetsExist\`).
  - A refund locks its pack and reads its order (which never changes), the recipients and the budget flag in one round
    trip, and stores its response with its writes.
  - Ingest takes a valid event without zod (\`usageEventIfValid\`, the same rules checked directly; the schemas
    still decide every other event): a batch of 1,000 was parsed twice by zod on the thread that serves every
    request, and the 10-account ingest benchmark is bound by that thread (event-loop utilisation 1.00).

Round trips per write now (BEGIN and COMMIT included; was): \`POST /orders\` 7 (12): the session, BEGIN, the account
lock with the key claim, order + ledger + recipients + budget flag, packs + the day's postpaid calls, re-arm + bill line
+ notice + audit + stored response, COMMIT; 5 of them under the account's lock (9). \`POST /refunds\` 6 (11).
\`POST /usage/events\` 6: the service key, BEGIN, the advisory lock with the account row, the reads, the writes, COMMIT;
+2 when the batch crosses a pack's threshold (+3 per notice before). Same-day coverage that moves calls adds one round
trip per pack it fills; an account with a budget adds the alert evaluation after the commit.

Statements per request now (each one round trip once its connection has prepared it), with a session snapshot (at
most one read of the session per session and second per instance, and after most writes): \`/me\` 0; \`/packs\` 0 on a
kept page, else 1 (page of packs with their orders; 2 in parallel for pages that depend on any pack's expiry);
\`/account\` 2 (account, vouchers); \`/bills/overview\` 3 or 4 in parallel (summaries, trend, settled?); \`/bills/items\`
2 in parallel (page, count and total). Without a snapshot (a first request, a snapshot older than 1 s, after a write
other than usage, orders and refunds), one more: the session statement. Plus, at most once a minute per session, the
\`last_seen_at\` UPDATE, and one audit INSERT per request while impersonating (R9.2).

The mixed load is closed (each client sends its next request when the last one answers) and the BFF is one Node
thread, so it stays saturated whatever is made cheaper: faster writes leave the readers less of the event loop (in
back-to-back 30 s runs the write-path change took writes' p99 from 227 to 210 ms and reads' from 59 to 75 ms, with 26%
fewer reads). Tried on 2026-11-28 and dropped: BEGIN sent with the transaction's first statement, by a transaction of
our own over postgres.js \`reserve()\` (it must wait for an idle connection, where postgres.js's BEGIN may queue behind a
read on a busy one: reads got 15–18% more throughput, writes nothing); reads admitted at most 4 or 8 at a time (writes p99
160 / 208 ms but reads 137 / 97 ms, and 28% / 46% of the reads); a pool of its own for transactions (its
first try answered errors, not pursued); PostgreSQL over its
Unix socket instead of TCP on 127.0.0.1 (no difference);
ingest's id probe replaced by \`ON CONFLICT DO NOTHING\` with a retry on a stored id (no measurable gain: ingest is
bound by the event loop, not PostgreSQL).`;

/** The docs/performance.md section "Fast read path (issue 15)". */
export function issue15Section(r: ReadRun, notes = NOTES): string {
  const parts: string[] = [];
  parts.push(`## Fast read path (issue 15)

Measured ${r.at} on ${r.machine}, shared with other engineers' test runs: 1-minute load average
${r.loads.map((l) => `${l.load} at ${l.step}`).join(', ')} (2 cores: above 2, other work competed for the CPU). Rerun just
this section with \`BENCH_ONLY=read pnpm bench\` (about 6 minutes; it rewrites only this section and the issue 15 rows
of the summary table).

${table(issue15Rows(r))}`);
  const http = r.http;
  if (http) {
    const line = (e: (typeof http.endpoints)[number] | HttpResult['hello'], ratio?: number) =>
      `| ${e.name} | ${f0(e.requests)} | **${f0(e.rps)}** | ${ratio === undefined ? '—' : `**${pc(ratio)}**`} | ${e.p50} | **${e.p99}** | ${e.non2xx} | ${e.errors} |`;
    parts.push(`### Signed-in reads, 10 connections

\`bench/http.ts\`: autocannon (${http.connections} connections, no pipelining, ${http.seconds} s each after a 2 s warm-up) on
127.0.0.1 against the **compiled** BFF (\`apps/bff/dist/server.js\`, as \`pnpm start\` runs it: NODE_ENV=production,
PostgreSQL, the demo data, scheduler off, JSON log at info on stdout) signed in as the demo owner, and a bare Hono
hello-world on the same \`@hono/node-server\` adapter in its own process, before and after. Ratio = the endpoint's
req/s / the mean of the two hello-world runs. The load generator shares the 2 cores with the server and PostgreSQL.

| endpoint | requests | req/s | of hello-world | p50 ms | p99 ms | non-2xx | errors |
|---|---:|---:|---:|---:|---:|---:|---:|
${line(http.hello)}
${http.endpoints.map((e) => line(e, e.ratio)).join('\n')}
${line(http.helloAfter)}`);
  }
  const m = r.mixed;
  if (m) {
    const kinds = Object.entries(m.byKind).sort(([a], [b]) => a.localeCompare(b));
    parts.push(`### Mixed load, ${m.clients} clients, ${m.seconds} s, PostgreSQL

\`bench/mixed.ts\`: ${m.clients} clients against the same compiled BFF (its default pool of 10 connections), 10 customer
accounts: 60% of the clients read (\`/me\`, \`/packs\`, \`/account\`, \`/bills/overview\`, \`/bills/items\` in turn), 20% send
usage batches of 100 events (pack, postpaid and non-billable calls), 12% buy packs, 8% buy a pack and refund it at once.
Client-side latency (undici fetch, keep-alive), after a 3 s warm-up. ${f0(m.events)} usage events were ingested.

| requests | count | p50 ms | p99 ms | max ms | errors |
|---|---:|---:|---:|---:|---:|
| **all reads** | ${f0(m.reads.requests)} | ${m.reads.p50} | **${m.reads.p99}** | ${m.reads.max} | ${m.reads.errors} |
| **all writes** | ${f0(m.writes.requests)} | ${m.writes.p50} | **${m.writes.p99}** | ${m.writes.max} | ${m.writes.errors} |
${kinds.map(([k, v]) => `| ${k} | ${f0(v.requests)} | ${v.p50} | ${v.p99} | ${v.max} | ${v.errors} |`).join('\n')}

Invariants checked in SQL afterwards (R2.4 balances = Σ ledger per kind; R4.7 each pack's \`used\` = the calls recorded on
it, within 0…total; R4.1 event ids stored once and as many stored as the API accepted; R3.3 packs per order; R8.3 refunds
within what each order took, a refund row for every refunded pack): ${m.violations.length === 0 ? '**all hold**' : `**${m.violations.length} violated**:\n\n${m.violations.map((v) => `- ${v}`).join('\n')}`}.${
      m.errorSamples.length > 0
        ? `\n\nFirst errors:\n\n${m.errorSamples.map((e) => `- ${e.replace(/\|/g, '\\|')}`).join('\n')}`
        : ''
    }`);
  }
  if (notes) parts.push(notes);
  return parts.join('\n\n');
}

/**
 * Replaces, in docs/performance.md's text, the issue 15 rows of the summary table (the rows this module
 * writes, and the older read rows) and the issue 15 section (or the older "HTTP under load" section).
 */
export function patchPerformanceDoc(doc: string, rows: Row[], section: string): string {
  const lines = doc.split('\n');
  const isReadRow = (l: string) =>
    /^\| (GET \/api\/v1\/|Hono hello-world|packs \/ hello-world|Mixed load|No regression: )/.test(l);
  const at = lines.findIndex(isReadRow);
  const kept = lines.filter((l) => !isReadRow(l));
  const rowLines = rows.map((x) => `| ${x.join(' | ')} |`);
  if (at >= 0) kept.splice(at, 0, ...rowLines);
  let text = kept.join('\n');
  const start = text.search(/^## (Fast read path \(issue 15\)|HTTP under load \(issue 10\))$/m);
  if (start >= 0) {
    const rest = text.slice(start + 3);
    const next = rest.search(/^## /m);
    const end = next >= 0 ? start + 3 + next : text.length;
    text = `${text.slice(0, start)}${section}\n\n${text.slice(end)}`;
  } else {
    text = `${text.trimEnd()}\n\n${section}\n`;
  }
  return text;
}

/** The `## ` sections of a markdown page: its title line and its text up to the next `## ` line. */
function splitSections(doc: string): { title: string; text: string }[] {
  const out: { title: string; text: string }[] = [];
  const lines = doc.split('\n');
  let cur: { title: string; lines: string[] } = { title: '', lines: [] };
  for (const line of lines) {
    if (line.startsWith('## ')) {
      out.push({ title: cur.title, text: cur.lines.join('\n') });
      cur = { title: line, lines: [line] };
    } else cur.lines.push(line);
  }
  out.push({ title: cur.title, text: cur.lines.join('\n') });
  return out;
}

/**
 * The full run rewrites docs/performance.md from its templates; sections it does not write must not be
 * lost: those written by hand (their title says so) and those of a benchmark skipped this run
 * (`kept(title)`). Each goes back after the section that preceded it on the old page (or at the end).
 */
export function carryOverSections(oldDoc: string, newDoc: string, kept: (title: string) => boolean): string {
  const old = splitSections(oldDoc);
  const out = splitSections(newDoc);
  const has = (title: string) => out.some((s) => s.title === title);
  for (const [i, s] of old.entries()) {
    if (!s.title || has(s.title) || !(s.title.includes('written by hand') || kept(s.title))) continue;
    const after = old[i - 1]?.title ?? '';
    const at = out.findIndex((o) => o.title === after);
    const text = s.text.endsWith('\n') ? s.text : `${s.text}\n`;
    if (at >= 0) out.splice(at + 1, 0, { title: s.title, text });
    else out.push({ title: s.title, text });
  }
  return out.map((s) => s.text).join('\n');
}
