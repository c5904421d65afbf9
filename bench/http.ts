/**
 * HTTP under load (issue 10): the authenticated read `GET /api/v1/packs` of the real BFF process
 * (session cookie → session lookup in PostgreSQL → role check → packs query → JSON), next to a bare
 * Hono hello-world on @hono/node-server in the same run on the same machine, both driven by
 * autocannon on 127.0.0.1 (10 connections, no pipelining, HTTP_SECONDS each after a 2 s warm-up).
 * Also the helpers that start the BFF (PostgreSQL, demo seed, a given console build) for the
 * Lighthouse run.
 *
 *   cd bench && npx tsx http.ts          # alone: its own database, prints the figures
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, type ScratchDatabase, scratchDatabase } from '@idv/db/scratch';
import autocannon from 'autocannon';

const here = dirname(fileURLToPath(import.meta.url));
const bffDir = resolve(here, '../apps/bff');

export interface LoadResult {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

export interface HttpResult {
  /** The bare Hono hello-world, measured before and after the endpoints (the reference is their mean). */
  hello: LoadResult;
  helloAfter: LoadResult;
  /** The signed-in reads (and /healthz: the middleware chain alone), in the order measured. */
  endpoints: (LoadResult & { path: string; ratio: number })[];
  /** Kept for the summary table: GET /api/v1/packs and its ratio. */
  packs: LoadResult;
  ratio: number;
  connections: number;
  seconds: number;
}

export interface Proc {
  base: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

function spawnUntil(args: string[], cwd: string, env: NodeJS.ProcessEnv, ready: RegExp): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let started = false;
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`not ready in 90 s:\n${out}`)), 90_000);
    const on = (b: Buffer) => {
      // Once started, the output (one log line per request) is drained, not kept: the bench process
      // shares the CPU with the server and must not spend it on the server's logs.
      if (started) return;
      out += b.toString();
      if (ready.test(out)) {
        started = true;
        out = '';
        clearTimeout(timer);
        ok(child);
      }
    };
    child.stdout?.on('data', on);
    child.stderr?.on('data', on);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`exited with ${code}:\n${out}`));
    });
  });
}

const stopper = (child: ChildProcess) => async () => {
  if (child.exitCode !== null) return;
  const exited = new Promise((ok) => child.once('exit', ok));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((ok) => setTimeout(ok, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
};

/** A fresh PostgreSQL database for the run (dropped by drop()). */
export const benchDatabase = (adminUrl: string): Promise<ScratchDatabase> =>
  scratchDatabase(adminUrl, 'idv_bench_http');

/**
 * The BFF as in production (NODE_ENV=production, PostgreSQL, the compiled bundle dist/server.js as
 * `pnpm start` runs it) with the demo data seeded, serving the given console build; its scheduler is
 * off so that the measurements are of requests only. Call buildBff() first.
 */
export async function startBff(databaseUrl: string, consoleDist?: string, nodeFlags: string[] = []): Promise<Proc> {
  const port = await freePort();
  const child = await spawnUntil(
    [...nodeFlags, 'dist/server.js'],
    bffDir,
    {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SEED_DEMO: '1',
      SCHEDULER_INTERVAL_MS: '0',
      ...(consoleDist ? { CONSOLE_DIST: consoleDist } : {}),
    },
    /Billing console on/,
  );
  return { base: `http://127.0.0.1:${port}`, child, stop: stopper(child) };
}

/** Builds the BFF bundle (apps/bff/dist/server.js), as `pnpm build` does. */
export function buildBff(): void {
  execFileSync(process.execPath, ['build.mjs'], { cwd: bffDir, stdio: 'inherit' });
}

/** The comparison point: Hono's hello-world on the same Node server adapter, its own process. */
export async function startHello(): Promise<Proc> {
  const port = await freePort();
  const child = await spawnUntil(
    ['--import', 'tsx', 'http.ts', '--hello'],
    here,
    { ...process.env, PORT: String(port) },
    /hello on/,
  );
  return { base: `http://127.0.0.1:${port}`, child, stop: stopper(child) };
}

export async function signIn(base: string, email = 'demo@example.com', password = 'demo-pass-2026'): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in → ${res.status} ${await res.text()}`);
  const sid = /sid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!sid) throw new Error('no session cookie');
  return `sid=${sid}`;
}

export async function load(
  name: string,
  url: string,
  headers: Record<string, string>,
  seconds: number,
  connections: number,
): Promise<LoadResult> {
  const run = (duration: number) =>
    autocannon({ url, headers, connections, pipelining: 1, duration }) as unknown as Promise<autocannon.Result>;
  await run(2); // warm-up: JIT, plans, connection pool
  const r = await run(seconds);
  return {
    name,
    requests: r.requests.total,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

/** The CST month of now, `YYYY-MM` (the demo data's current bill). */
export function cstMonth(at = new Date()): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** The signed-in reads of issue 15, and /healthz (the middleware chain without a session or a query). */
export function readPaths(month = cstMonth()): { name: string; path: string }[] {
  return [
    { name: 'GET /healthz (middleware chain only)', path: '/healthz' },
    { name: 'GET /api/v1/me', path: '/api/v1/me' },
    { name: 'GET /api/v1/packs', path: '/api/v1/packs' },
    { name: 'GET /api/v1/account', path: '/api/v1/account' },
    { name: 'GET /api/v1/bills/overview', path: `/api/v1/bills/overview?month=${month}` },
    { name: 'GET /api/v1/bills/items', path: `/api/v1/bills/items?month=${month}` },
  ];
}

/**
 * The bare hello-world, then each signed-in read of the demo owner (10 connections, `seconds` each
 * after a 2 s warm-up), then the hello-world again: each endpoint's ratio is to the mean of the two.
 */
export async function benchHttp(bff: Proc, o: { seconds?: number; connections?: number } = {}): Promise<HttpResult> {
  const seconds = o.seconds ?? 10;
  const connections = o.connections ?? 10;
  const cookie = await signIn(bff.base);
  // HTTP_PATHS=/api/v1/me,/api/v1/packs (alone, `npx tsx http.ts`): only those rows, for a quick comparison.
  const only = process.env.HTTP_PATHS?.split(',');
  const paths = readPaths().filter((p) => !only || only.some((o) => p.path.startsWith(o)));
  for (const p of paths) {
    const check = await fetch(`${bff.base}${p.path}`, { headers: { cookie } });
    if (check.status !== 200) throw new Error(`${p.path} → ${check.status} ${await check.text()}`);
  }
  const hello = await startHello();
  try {
    const h1 = await load('GET / Hono hello-world (before)', `${hello.base}/`, {}, seconds, connections);
    const measured: LoadResult[] = [];
    for (const p of paths) measured.push(await load(p.name, `${bff.base}${p.path}`, { cookie }, seconds, connections));
    const h2 = await load('GET / Hono hello-world (after)', `${hello.base}/`, {}, seconds, connections);
    const ref = (h1.rps + h2.rps) / 2;
    const endpoints = measured.map((m, i) => ({ ...m, path: paths[i]?.path ?? '', ratio: m.rps / ref }));
    const packs = endpoints.find((e) => e.path === '/api/v1/packs') ?? endpoints[0];
    if (!packs) throw new Error('no /packs figure');
    return { hello: h1, helloAfter: h2, endpoints, packs, ratio: packs.ratio, connections, seconds };
  } finally {
    await hello.stop();
  }
}

if (process.argv.includes('--hello')) {
  const { Hono } = await import('hono');
  const { serve } = await import('@hono/node-server');
  const app = new Hono();
  app.get('/', (c) => c.text('Hello Hono!'));
  const port = Number.parseInt(process.env.PORT ?? '3001', 10);
  serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => console.log(`hello on ${port}`));
} else if (import.meta.url === `file://${process.argv[1]}`) {
  buildBff();
  const db = await benchDatabase(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const bff = await startBff(db.url);
  try {
    const r = await benchHttp(bff, { seconds: Number.parseInt(process.env.HTTP_SECONDS ?? '10', 10) });
    const ref = (r.hello.rps + r.helloAfter.rps) / 2;
    console.log(`hello-world ${Math.round(r.hello.rps)} / ${Math.round(r.helloAfter.rps)} req/s`);
    for (const e of r.endpoints)
      console.log(
        `${e.name}: ${Math.round(e.rps)} req/s (${((e.rps / ref) * 100).toFixed(1)}%), p50 ${e.p50} ms, p99 ${e.p99} ms, non-2xx ${e.non2xx}, errors ${e.errors}`,
      );
  } finally {
    await bff.stop();
    await db.drop();
  }
}
