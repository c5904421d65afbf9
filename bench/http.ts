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
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import postgres from 'postgres';

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
  packs: LoadResult;
  hello: LoadResult;
  ratio: number;
  connections: number;
  seconds: number;
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => ok(port));
    });
  });
}

export interface Proc {
  base: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

function spawnUntil(args: string[], cwd: string, env: NodeJS.ProcessEnv, ready: RegExp): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`not ready in 90 s:\n${out}`)), 90_000);
    const on = (b: Buffer) => {
      out += b.toString();
      if (ready.test(out)) {
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
export async function benchDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `idv_bench_http_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * The BFF as in production (NODE_ENV=production, PostgreSQL) with the demo data seeded, serving the
 * given console build; its scheduler is off so that the measurements are of requests only.
 */
export async function startBff(databaseUrl: string, consoleDist?: string): Promise<Proc> {
  const port = await freePort();
  const child = await spawnUntil(
    ['--import', 'tsx', 'src/server.ts'],
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

async function load(name: string, url: string, headers: Record<string, string>, seconds: number, connections: number) {
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
  } satisfies LoadResult;
}

/** Loads `GET /api/v1/packs` (signed in as the demo owner) and the hello-world, one after the other. */
export async function benchHttp(bff: Proc, o: { seconds?: number; connections?: number } = {}): Promise<HttpResult> {
  const seconds = o.seconds ?? 10;
  const connections = o.connections ?? 10;
  const cookie = await signIn(bff.base);
  const check = await fetch(`${bff.base}/api/v1/packs`, { headers: { cookie } });
  if (check.status !== 200) throw new Error(`GET /api/v1/packs → ${check.status}`);
  const hello = await startHello();
  try {
    const h = await load('hello', `${hello.base}/`, {}, seconds, connections);
    const p = await load('packs', `${bff.base}/api/v1/packs`, { cookie }, seconds, connections);
    return { packs: p, hello: h, ratio: p.rps / h.rps, connections, seconds };
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
  const db = await benchDatabase(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const bff = await startBff(db.url);
  try {
    console.log(await benchHttp(bff, { seconds: Number.parseInt(process.env.HTTP_SECONDS ?? '10', 10) }));
  } finally {
    await bff.stop();
    await db.drop();
  }
}
