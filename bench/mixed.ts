/**
 * Mixed load (issue 15): MIXED_CLIENTS clients (default 50) for MIXED_SECONDS (default 60) against the
 * compiled BFF process on PostgreSQL, then the money and count invariants checked in SQL.
 *
 *   cd bench && npx tsx mixed.ts          # alone: builds the BFF, its own database, prints the figures
 *   MIXED_PROBE=1 npx tsx mixed.ts        # and where the time went: CPU of the BFF, PostgreSQL and the
 *                                         # machine, sampled pg_stat_activity states/waits, server-side means
 *
 * Ten customer accounts (10,000,000.00 cash each, recharged through the API so the ledger holds it),
 * each with an owner, two applications and a service key. The clients, spread over the accounts:
 * - 60% readers: GET /me, /packs, /account, /bills/overview, /bills/items in turn, as the owner;
 * - 20% ingesters: POST /usage/events, batches of 100 events (70% basic.selfie, which the packs
 *   bought below serve; 20% identity.basic, postpaid; 10% non-billable);
 * - 12% buyers: POST /orders, one basic.selfie pack of 1,000 calls;
 * - 8% refunders: POST /orders for one bankcard.basic pack (a label nobody calls), then POST /refunds
 *   of it (R8.1: unused, in its window, so it is refunded).
 * Every request is timed by the client (undici fetch, keep-alive). An error is a network failure, a
 * 5xx, or any status the scenario does not expect (a 402 or 409 included: none is expected). The scheduler is off in the BFF: the figures are of requests.
 *
 * Invariants afterwards, per account: R2.4 each balance = Σ ledger of that kind; R4.7 each pack's
 * `used` = the calls recorded on it, 0 ≤ used ≤ total; R4.1 every event id stored once, and as many
 * stored events as the API accepted; R3.3 every order delivered `quantity` packs; R8.3 what refunds
 * returned per order ≤ what the order took from each balance; a refunded pack has its refund row.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { sha256 } from '@idv/bff/lib/crypto.ts';
import { hashPassword } from '@idv/bff/use-cases/auth/sign-in.ts';
import postgres from 'postgres';
import { benchDatabase, buildBff, type Proc, signIn, startBff } from './http.ts';

export interface Latency {
  requests: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
}

export interface MixedResult {
  clients: number;
  seconds: number;
  reads: Latency;
  writes: Latency;
  byKind: Record<string, Latency>;
  errorSamples: string[];
  events: number;
  violations: string[];
  /** MIXED_PROBE=1: where the time went during the measured window (see probe()). */
  probe?: ProbeResult;
}

export interface ProbeResult {
  samples: number;
  /** CPU used in the window, in cores (1 = one core busy all the time): the BFF process, PostgreSQL, this process, the whole machine. */
  cpu: { bff: number; postgres: number; bench: number; machine: number; cores: number };
  /** Mean number of the bench database's sessions in each state / wait (pg_stat_activity, sampled). */
  sessions: Record<string, number>;
  /** The BFF's event-loop lag (perf_hooks via prom-client), seconds, at the end of the window. */
  eventLoopLag: Record<string, number>;
  /** Server-side mean duration per route (the BFF's own histogram), ms; compare with the client's figures. */
  serverMeanMs: Record<string, number>;
}

/** CPU ticks (user + system) of a process, from /proc; 0 when it is gone. */
function procTicks(pid: number | string): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
    return Number(rest[11]) + Number(rest[12]);
  } catch {
    return 0;
  }
}

function postgresTicks(): number {
  let t = 0;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readFileSync(`/proc/${d}/comm`, 'utf8').trim() === 'postgres') t += procTicks(d);
    } catch {}
  }
  return t;
}

function machineTicks(): { busy: number; total: number } {
  const cpu = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').split(/\s+/).slice(1).map(Number);
  const total = cpu.reduce((a, b) => a + b, 0);
  return { busy: total - (cpu[3] ?? 0) - (cpu[4] ?? 0), total };
}

/** The BFF's /metrics: per route, the count and sum of request durations; the event-loop lag figures. */
async function routeTimes(base: string) {
  const text = await (await fetch(`${base}/metrics`)).text();
  const lag: Record<string, number> = {};
  for (const m of text.matchAll(/^nodejs_eventloop_lag_(\w+)_seconds\{[^}]*\} ([\d.e+-]+)$/gm))
    lag[m[1] ?? ''] = Number(m[2]);
  const routes: Record<string, { sum: number; n: number }> = {};
  for (const m of text.matchAll(/^idv_http_request_duration_seconds_(sum|count)\{([^}]*)\} ([\d.e+-]+)$/gm)) {
    const route = /route="([^"]*)"/.exec(m[2] ?? '')?.[1] ?? '';
    const method = /method="([^"]*)"/.exec(m[2] ?? '')?.[1] ?? '';
    const k = `${method} ${route}`;
    const r = routes[k] ?? { sum: 0, n: 0 };
    r[m[1] === 'sum' ? 'sum' : 'n'] += Number(m[3]);
    routes[k] = r;
  }
  return { lag, routes };
}

/**
 * Samples, every 200 ms until stop(): pg_stat_activity of the bench database (state and wait event of
 * each session), and the CPU of the BFF, of PostgreSQL, of this process and of the machine.
 */
function probe(bff: Proc, dbUrl: string): { stop(): Promise<ProbeResult> } {
  const sql = postgres(dbUrl, { max: 1, onnotice: () => {} });
  const dbName = new URL(dbUrl).pathname.slice(1);
  const counts: Record<string, number> = {};
  let samples = 0;
  let running = true;
  const pid = bff.child.pid ?? 0;
  const first = routeTimes(bff.base);
  const t0 = {
    at: performance.now(),
    bff: procTicks(pid),
    pg: postgresTicks(),
    me: process.cpuUsage(),
    m: machineTicks(),
  };
  const loop = (async () => {
    while (running) {
      const rows = await sql`
        select coalesce(state, '?') as state, coalesce(wait_event_type || ':' || wait_event, '') as wait, count(*)::int as n
        from pg_stat_activity where datname = ${dbName} and pid <> pg_backend_pid() group by 1, 2`;
      samples++;
      for (const r of rows) {
        const k = r.wait ? `${r.state} (${r.wait})` : r.state;
        counts[k] = (counts[k] ?? 0) + r.n;
      }
      await new Promise((ok) => setTimeout(ok, 200));
    }
  })();
  return {
    async stop() {
      const before = await first;
      const s = (performance.now() - t0.at) / 1000;
      const hz = 100;
      const me = process.cpuUsage(t0.me);
      const m = machineTicks();
      const cores = readFileSync('/proc/cpuinfo', 'utf8').split('\nprocessor').length;
      const cpu = {
        bff: (procTicks(pid) - t0.bff) / hz / s,
        postgres: (postgresTicks() - t0.pg) / hz / s,
        bench: (me.user + me.system) / 1e6 / s,
        machine: ((m.busy - t0.m.busy) / (m.total - t0.m.total)) * cores,
        cores,
      };
      running = false;
      await loop;
      await sql.end();
      const after = await routeTimes(bff.base);
      const serverMeanMs: Record<string, number> = {};
      for (const [k, v] of Object.entries(after.routes)) {
        const n = v.n - (before.routes[k]?.n ?? 0);
        if (n > 0) serverMeanMs[k] = Math.round(((v.sum - (before.routes[k]?.sum ?? 0)) / n) * 10000) / 10;
      }
      const eventLoopLag = after.lag;
      const sessions: Record<string, number> = {};
      for (const [k, v] of Object.entries(counts)) sessions[k] = Math.round((v / Math.max(1, samples)) * 100) / 100;
      const r2 = (n: number) => Math.round(n * 100) / 100;
      return {
        samples,
        cpu: { bff: r2(cpu.bff), postgres: r2(cpu.postgres), bench: r2(cpu.bench), machine: r2(cpu.machine), cores },
        sessions,
        eventLoopLag,
        serverMeanMs,
      };
    },
  };
}

const ACCOUNTS = 10;
const BATCH = 100;

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function summary(samples: number[], errors: number): Latency {
  const s = [...samples].sort((a, b) => a - b);
  const r = (n: number) => Math.round(n * 10) / 10;
  return { requests: s.length, p50: r(pct(s, 50)), p99: r(pct(s, 99)), max: r(s.at(-1) ?? 0), errors };
}

interface Tenant {
  id: string;
  cookie: string;
  key: string;
  resources: [string, string];
}

/** Accounts, owners, applications and service keys written directly; the cash recharged through the API. */
async function setup(base: string, url: string): Promise<Tenant[]> {
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  const now = new Date();
  const tenants: Tenant[] = [];
  try {
    const passwordHash = await hashPassword('mixed-load-pass-1');
    const yesterday = new Date(now.getTime() + 8 * 3_600_000 - 2 * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < ACCOUNTS; i++) {
      const id = `acct_mixed${i}`;
      const key = `idv_sk_mixed_${randomUUID().replaceAll('-', '')}`;
      const resources: [string, string] = [`${id}-app1`, `${id}-app2`];
      await sql`insert into accounts (id, name, settlement, activated_at, settled_through)
                values (${id}, ${`Mixed ${i}`}, 'daily', ${new Date(now.getTime() - 30 * 86_400_000)}, ${yesterday})`;
      for (const r of resources)
        await sql`insert into resources (id, account_id, alias, project, region) values (${r}, ${id}, ${r}, 'p', 'r')`;
      await sql`insert into users (id, email, name, password_hash, kind, roles, account_id)
                values (${`usr_${id}`}, ${`owner${i}@mixed.example`}, 'Owner', ${passwordHash}, 'customer', ${['owner']}, ${id})`;
      await sql`insert into service_keys (id, account_id, name, key_hash, prefix, created_at)
                values (${`sk_${id}`}, ${id}, 'mixed', ${sha256(key)}, ${key.slice(0, 11)}, ${now})`;
      const cookie = await signIn(base, `owner${i}@mixed.example`, 'mixed-load-pass-1');
      const res = await fetch(`${base}/api/v1/account/recharge`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify({ amount: '10000000.00' }),
      });
      if (res.status !== 200) throw new Error(`recharge → ${res.status} ${await res.text()}`);
      tenants.push({ id, cookie, key, resources });
    }
  } finally {
    await sql.end();
  }
  return tenants;
}

/** The invariants, in SQL over the whole database; returns what is violated. */
export async function checkInvariants(url: string, acceptedEvents: Map<string, number>): Promise<string[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const bad: string[] = [];
  try {
    const balances = await sql`
      select a.id, k.kind, (case k.kind when 'cash' then a.cash when 'income' then a.income else a.gift end)::text as balance,
             coalesce((select sum(l.amount) from ledger_entries l where l.account_id = a.id and l.balance = k.kind), 0)::text as ledger
      from accounts a cross join (values ('cash'), ('income'), ('gift')) k(kind)
      where (case k.kind when 'cash' then a.cash when 'income' then a.income else a.gift end)
            <> coalesce((select sum(l.amount) from ledger_entries l where l.account_id = a.id and l.balance = k.kind), 0)`;
    for (const r of balances) bad.push(`R2.4 ${r.id} ${r.kind} balance ${r.balance} ≠ Σ ledger ${r.ledger}`);
    const packs = await sql`
      select p.id::text, p.account_id, p.used, p.total,
             (select count(*)::int from usage_events e where e.account_id = p.account_id and e.pack_id = p.id and e.outcome = 'pack') as n
      from packs p`;
    for (const r of packs)
      if (r.used !== r.n || r.used < 0 || r.used > r.total)
        bad.push(`R4.7 pack ${r.id} (${r.account_id}) used ${r.used}/${r.total}, ${r.n} calls recorded on it`);
    const events = await sql`
      select account_id, count(*)::int as n, count(distinct event_id)::int as d from usage_events group by account_id`;
    for (const r of events) {
      if (r.n !== r.d) bad.push(`R4.1 ${r.account_id}: ${r.n} stored events, ${r.d} distinct ids`);
      const accepted = acceptedEvents.get(r.account_id);
      if (accepted !== undefined && accepted !== r.n)
        bad.push(`R4.1 ${r.account_id}: ${r.n} stored events, the API accepted ${accepted}`);
    }
    for (const [account, n] of acceptedEvents)
      if (n > 0 && !events.some((r) => r.account_id === account))
        bad.push(`R4.1 ${account}: ${n} accepted, none stored`);
    const orders = await sql`
      select o.id, o.quantity, (select count(*)::int from packs p where p.order_id = o.id) as n from orders o`;
    for (const r of orders)
      if (r.quantity !== r.n) bad.push(`R3.3 order ${r.id}: quantity ${r.quantity}, ${r.n} packs`);
    const refunds = await sql`
      select o.id from orders o join refunds r on r.order_id = o.id
      group by o.id, o.paid_cash, o.paid_income, o.paid_gift
      having sum(r.returned_cash) > o.paid_cash or sum(r.returned_income) > o.paid_income or sum(r.returned_gift) > o.paid_gift`;
    for (const r of refunds) bad.push(`R8.3 order ${r.id}: refunds returned more than it took`);
    const refunded = await sql`
      select p.id::text from packs p where p.status = 'refunded' and not exists (select 1 from refunds r where r.pack_id = p.id)`;
    for (const r of refunded) bad.push(`R8.3 pack ${r.id} refunded without a refund row`);
  } finally {
    await sql.end();
  }
  return bad;
}

export async function benchMixed(
  bff: Proc,
  dbUrl: string,
  o: { clients?: number; seconds?: number; month?: string; probe?: boolean } = {},
): Promise<MixedResult> {
  const clients = o.clients ?? 50;
  const seconds = o.seconds ?? 60;
  const base = bff.base;
  const tenants = await setup(base, dbUrl);
  const month = o.month ?? new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
  const samples: Record<string, number[]> = {};
  const errorsBy: Record<string, number> = {};
  const errorSamples: string[] = [];
  const accepted = new Map<string, number>(tenants.map((t) => [t.id, 0]));
  let events = 0;
  let measuring = false;
  const end = { at: Number.POSITIVE_INFINITY };

  const timed = async (
    kind: string,
    url: string,
    init: RequestInit,
    ok: (status: number) => boolean,
  ): Promise<Response | null> => {
    const t0 = performance.now();
    let res: Response | null = null;
    let failed = '';
    try {
      res = await fetch(url, init);
      if (!ok(res.status)) failed = `${kind} → ${res.status} ${(await res.text()).slice(0, 200)}`;
    } catch (err) {
      failed = `${kind} → ${err instanceof Error ? err.message : String(err)}`;
    }
    const ms = performance.now() - t0;
    if (measuring) {
      const list = samples[kind] ?? [];
      list.push(ms);
      samples[kind] = list;
      if (failed) {
        errorsBy[kind] = (errorsBy[kind] ?? 0) + 1;
        if (errorSamples.length < 10) errorSamples.push(failed);
      }
    }
    return failed ? null : res;
  };
  const json = (cookie: string) => ({ cookie, 'content-type': 'application/json', 'idempotency-key': randomUUID() });

  const readPaths = [
    '/api/v1/me',
    '/api/v1/packs',
    '/api/v1/account',
    `/api/v1/bills/overview?month=${month}`,
    `/api/v1/bills/items?month=${month}`,
  ];
  const reader = async (t: Tenant, n: number) => {
    for (let i = n; Date.now() < end.at; i++) {
      const path = readPaths[i % readPaths.length] ?? '/api/v1/me';
      const res = await timed(
        `read ${path.split('?')[0]}`,
        `${base}${path}`,
        { headers: { cookie: t.cookie } },
        (s) => s === 200,
      );
      await res?.arrayBuffer();
    }
  };
  const ingester = async (t: Tenant, n: number) => {
    for (let b = 0; Date.now() < end.at; b++) {
      const at = Date.now();
      const batch = Array.from({ length: BATCH }, (_, i) => {
        const k = (n * 7919 + b * 104_729 + i) % 10;
        return {
          id: `m${n}-b${b}-e${i}`,
          label: k < 7 ? 'basic.selfie' : 'identity.basic',
          resourceId: t.resources[i % 2],
          result: k === 9 ? 'timeout' : 'success',
          occurredAt: new Date(at - i * 1000).toISOString(),
        };
      });
      const res = await timed(
        'write POST /usage/events',
        `${base}/api/v1/usage/events`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${t.key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ events: batch }),
        },
        (s) => s === 200,
      );
      if (res) {
        const body = (await res.json()) as { outcomes: { outcome: string }[] };
        const stored = body.outcomes.filter((x) => x.outcome !== 'duplicate').length;
        accepted.set(t.id, (accepted.get(t.id) ?? 0) + stored);
        events += body.outcomes.length;
      } else {
        // A batch that failed may or may not be stored: its account's count is no longer checkable.
        accepted.delete(t.id);
      }
    }
  };
  const order = (t: Tenant, label: string) =>
    timed(
      'write POST /orders',
      `${base}/api/v1/orders`,
      { method: 'POST', headers: json(t.cookie), body: JSON.stringify({ label, size: 1000, quantity: 1 }) },
      (s) => s === 201,
    );
  const buyer = async (t: Tenant) => {
    while (Date.now() < end.at) await (await order(t, 'basic.selfie'))?.arrayBuffer();
  };
  const refunder = async (t: Tenant) => {
    while (Date.now() < end.at) {
      const res = await order(t, 'bankcard.basic');
      if (!res) continue;
      const placed = (await res.json()) as { packs: { id: string }[] };
      const packId = placed.packs[0]?.id;
      if (!packId) continue;
      const r = await timed(
        'write POST /refunds',
        `${base}/api/v1/refunds`,
        { method: 'POST', headers: json(t.cookie), body: JSON.stringify({ packId }) },
        (s) => s === 201,
      );
      await r?.arrayBuffer();
    }
  };

  const roles: ((t: Tenant, n: number) => Promise<void>)[] = [];
  for (let n = 0; n < clients; n++) {
    const share = n / clients;
    roles.push(share < 0.6 ? reader : share < 0.8 ? ingester : share < 0.92 ? buyer : refunder);
  }
  // A short warm-up (JIT, prepared statements, pool), then the measured window.
  end.at = Date.now() + 3_000;
  await Promise.all(roles.map((run, n) => run(tenants[n % tenants.length] as Tenant, n + 1000)));
  measuring = true;
  const probing = o.probe ? probe(bff, dbUrl) : null;
  end.at = Date.now() + seconds * 1000;
  await Promise.all(roles.map((run, n) => run(tenants[n % tenants.length] as Tenant, n)));
  measuring = false;
  const probed = await probing?.stop();

  const all = (prefix: string) =>
    Object.entries(samples)
      .filter(([k]) => k.startsWith(prefix))
      .flatMap(([, v]) => v);
  const errs = (prefix: string) =>
    Object.entries(errorsBy)
      .filter(([k]) => k.startsWith(prefix))
      .reduce((s, [, v]) => s + v, 0);
  const byKind: Record<string, Latency> = {};
  for (const [k, v] of Object.entries(samples)) byKind[k] = summary(v, errorsBy[k] ?? 0);
  const violations = await checkInvariants(dbUrl, accepted);
  return {
    clients,
    seconds,
    reads: summary(all('read'), errs('read')),
    writes: summary(all('write'), errs('write')),
    byKind,
    errorSamples,
    events,
    violations,
    ...(probed ? { probe: probed } : {}),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // MIXED_BUILD=0: run the bundle already in apps/bff/dist (e.g. to compare two builds).
  if (process.env.MIXED_BUILD !== '0') buildBff();
  const db = await benchDatabase(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  // MIXED_NODE_FLAGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof": flags for the BFF process.
  const flags = (process.env.MIXED_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const bff: Proc = await startBff(db.url, undefined, flags);
  try {
    const r = await benchMixed(bff, db.url, {
      clients: Number.parseInt(process.env.MIXED_CLIENTS ?? '50', 10),
      seconds: Number.parseInt(process.env.MIXED_SECONDS ?? '60', 10),
      probe: process.env.MIXED_PROBE === '1',
    });
    console.log(JSON.stringify(r, null, 2));
  } finally {
    await bff.stop();
    await db.drop();
  }
}
