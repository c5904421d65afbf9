import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, type DbHandle, rows } from '@idv/db';
import { freePort, type ScratchDatabase, scratchDatabase } from '@idv/db/scratch';
import type { SQL } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../src/app.ts';
import { ManualClock } from '../../src/clock.ts';
import { testConfig } from '../../src/config.ts';
import type { Deps } from '../../src/deps.ts';
import type { TestApp } from '../harness.ts';

/**
 * Helpers for the tests that run the BFF as real processes (`node --import tsx src/server.ts`, or the
 * built `dist/server.js`) on one PostgreSQL database: scale-out (two instances), fault tolerance
 * (SIGKILL and restart), the production build.
 */

const bffDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** An empty database of its own (created here, dropped by drop()); the processes migrate it. */
export async function emptyDatabase(): Promise<ScratchDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL is needed');
  return scratchDatabase(adminUrl, 'idv_proc');
}

/**
 * The test's own view of the database (after a process has migrated it): a TestApp-shaped object
 * so the usual fixtures (createAccount, customer, …) build data through the same code the app uses.
 */
export async function localApp(url: string, now: string): Promise<TestApp & { handle: DbHandle }> {
  const handle = await createDb({ databaseUrl: url, poolSize: 4, migrate: false });
  const clock = new ManualClock(now);
  const deps: Deps = { db: handle.db, clock, config: testConfig() };
  const app = createApp(deps);
  const unsupported = () => {
    throw new Error('talk to the processes over HTTP instead');
  };
  return {
    deps,
    clock,
    app,
    handle,
    close: () => handle.close(),
    login: unsupported,
    anon: undefined as never,
  };
}

export interface BffProcess {
  name: string;
  base: string;
  pid: number;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Resolves once the process has printed a line matching `re` (after `from` characters of output). */
  waitFor(re: RegExp, timeoutMs?: number, from?: number): Promise<void>;
  kill(signal: NodeJS.Signals): Promise<void>;
  exited(): boolean;
  /** The exit code once exited (null while running or when killed by a signal). */
  exitCode(): number | null;
}

/**
 * The project's Node LTS (the root devDependency `node`, installed from the npm registry), or the
 * Node running the tests when that package is not installed.
 */
export const projectNode = existsSync(resolve(bffDir, '../../node_modules/node/bin/node'))
  ? resolve(bffDir, '../../node_modules/node/bin/node')
  : process.execPath;

/**
 * Starts the server with the given environment and waits until it listens: `src/server.ts` through
 * tsx, or with `built` the production bundle (`node --enable-source-maps dist/server.js`, run
 * `node build.mjs` first) on the project's Node LTS.
 */
export async function startBff(
  name: string,
  env: Record<string, string>,
  o: { port?: number; timeoutMs?: number; built?: boolean; wait?: boolean } = {},
): Promise<BffProcess> {
  const port = o.port ?? (await freePort());
  const [bin, args] = o.built
    ? [projectNode, ['--enable-source-maps', 'dist/server.js']]
    : [process.execPath, ['--import', 'tsx', 'src/server.ts']];
  const child: ChildProcess = spawn(bin, args, {
    cwd: bffDir,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      SEED_DEMO: '0',
      PORT: String(port),
      SCHEDULER_INTERVAL_MS: '0',
      // The tests read the JSON log lines (the default under NODE_ENV=test is silent).
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let exitedFlag = false;
  let code: number | null = null;
  const listeners = new Set<() => void>();
  const onData = (b: Buffer) => {
    out += b.toString();
    for (const l of listeners) l();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exit = new Promise<void>((ok) =>
    child.once('exit', (c) => {
      code = c;
      exitedFlag = true;
      for (const l of listeners) l();
      ok();
    }),
  );
  const waitFor = (re: RegExp, timeoutMs = 30_000, from = 0) =>
    new Promise<void>((ok, fail) => {
      const check = () => {
        if (re.test(out.slice(from))) {
          done();
          ok();
        } else if (exitedFlag) {
          done();
          fail(new Error(`${name} exited before printing ${re}:\n${out}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        fail(new Error(`${name} did not print ${re} in ${timeoutMs} ms:\n${out}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      check();
    });
  const proc: BffProcess = {
    name,
    base: `http://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    output: () => out,
    waitFor,
    async kill(signal) {
      if (!exitedFlag) child.kill(signal);
      await exit;
    },
    exited: () => exitedFlag,
    exitCode: () => code,
  };
  if (o.wait === false) return proc;
  try {
    await waitFor(/Billing console on/, o.timeoutMs ?? 60_000);
  } catch (err) {
    await proc.kill('SIGKILL');
    throw err;
  }
  return proc;
}

/** Signs in over HTTP and returns the session cookie (`sid=…`). */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login ${email} → ${res.status} ${await res.text()}`);
  const sid = /sid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!sid) throw new Error('no session cookie');
  return `sid=${sid}`;
}

export const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/**
 * The set-up every multi-process test shares, registered in the calling `describe`: an empty database
 * before all; after all, whatever failed, every process started through `start` (or pushed to `procs`)
 * killed, the local app closed and the database dropped, so no process outlives the test.
 */
export function processTestBed() {
  const bed = {
    db: undefined as unknown as Awaited<ReturnType<typeof emptyDatabase>>,
    /** The test's own view of the database (localApp), set by the test once a process has migrated it. */
    local: undefined as Awaited<ReturnType<typeof localApp>> | undefined,
    procs: [] as BffProcess[],
    /** A BFF process on the test's database. */
    async start(name: string, env: Record<string, string> = {}): Promise<BffProcess> {
      const p = await startBff(name, { DATABASE_URL: bed.db.url, ...env });
      bed.procs.push(p);
      return p;
    },
    /** Rows of a raw query through the local app. */
    q<T>(query: SQL): Promise<T[]> {
      if (!bed.local) throw new Error('no local app');
      return rows<T>(bed.local.deps.db, query);
    },
  };
  beforeAll(async () => {
    bed.db = await emptyDatabase();
  }, 30_000);
  afterAll(async () => {
    await Promise.all(bed.procs.map((p) => p.kill('SIGKILL')));
    await bed.local?.close();
    await bed.db?.drop();
  }, 30_000);
  return bed;
}
