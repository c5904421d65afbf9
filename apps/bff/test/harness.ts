import { createDb, type Db } from '@idv/db';
import { scratchDatabase } from '@idv/db/scratch';
import { afterAll, beforeAll, expect } from 'vitest';
import { type AppOptions, createApp } from '../src/app.ts';
import { ManualClock } from '../src/clock.ts';
import { type Config, testConfig } from '../src/config.ts';
import { SEED_PASSWORD, seedDemo } from '../src/demo/seed.ts';
import type { Deps } from '../src/deps.ts';
import { checkResponse } from './response-contract.ts';

/** Real PostgreSQL when DATABASE_URL is set (a fresh database per test file), else in-memory PGlite. */
export const onPostgres = Boolean(process.env.DATABASE_URL);

export interface TestDb {
  db: Db;
  kind: 'pglite' | 'postgres';
  url: string | undefined;
  close(): Promise<void>;
}

export async function createTestDb(opts: { poolSize?: number } = {}): Promise<TestDb> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const h = await createDb({ dataDir: 'memory://' });
    return { db: h.db, kind: 'pglite', url: undefined, close: h.close };
  }
  const scratch = await scratchDatabase(adminUrl, 'idv_test');
  const h = await createDb({ databaseUrl: scratch.url, poolSize: opts.poolSize ?? 10 });
  return {
    db: h.db,
    kind: 'postgres',
    url: scratch.url,
    async close() {
      await h.close();
      await scratch.drop();
    },
  };
}

export const T0 = '2026-11-20T10:00:00+08:00';

export interface TestApp {
  deps: Deps;
  clock: ManualClock;
  app: ReturnType<typeof createApp>;
  close(): Promise<void>;
  /** Sign in and return a client that sends the session cookie. */
  login(email: string, password?: string): Promise<Client>;
  anon: Client;
}

export interface Client {
  get(path: string): Promise<Response>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  patch(path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  put(path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  delete(path: string, headers?: Record<string, string>): Promise<Response>;
  raw(path: string, init: RequestInit): Promise<Response>;
}

const BASE = 'http://localhost';

function client(app: TestApp['app'], cookie: string | null): Client {
  const send = async (path: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    return app.request(`${BASE}${path}`, { ...init, headers });
  };
  const withBody =
    (method: string) =>
    (path: string, body?: unknown, headers: Record<string, string> = {}) =>
      send(path, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
  return {
    get: (path) => send(path),
    post: withBody('POST'),
    patch: withBody('PATCH'),
    put: withBody('PUT'),
    delete: (path, headers = {}) => send(path, { method: 'DELETE', headers }),
    raw: send,
  };
}

/** Every answer the tests get from the app is checked against its declared schema (test/response-contract.ts). */
function checkedResponses(app: ReturnType<typeof createApp>): ReturnType<typeof createApp> {
  const request = app.request.bind(app);
  app.request = async (input, init, ...rest) => {
    const res = await request(input, init, ...rest);
    const req = input instanceof Request ? input : null;
    const url = req ? req.url : String(input);
    await checkResponse(init?.method ?? req?.method ?? 'GET', url, res);
    return res;
  };
  return app;
}

export async function createTestApp(
  opts: { seed?: boolean; now?: string; config?: Partial<Config>; poolSize?: number; app?: AppOptions } = {},
): Promise<TestApp & { testDb: TestDb }> {
  const testDb = await createTestDb({ poolSize: opts.poolSize });
  const clock = new ManualClock(opts.now ?? T0);
  const deps: Deps = { db: testDb.db, clock, config: testConfig(opts.config) };
  if (opts.seed ?? true) await seedDemo(deps);
  const app = checkedResponses(createApp(deps, opts.app));
  return {
    deps,
    clock,
    app,
    testDb,
    close: () => testDb.close(),
    anon: client(app, null),
    async login(email, password = SEED_PASSWORD) {
      const res = await client(app, null).post('/api/v1/auth/login', { email, password });
      if (res.status !== 200) throw new Error(`login ${email} → ${res.status} ${await res.text()}`);
      const setCookie = res.headers.get('set-cookie') ?? '';
      const sid = /sid=([^;]+)/.exec(setCookie)?.[1];
      if (!sid) throw new Error('no session cookie');
      return client(app, `sid=${sid}`);
    },
  };
}

/**
 * The app a test file shares: created before its first test (beforeAll) and closed after its last
 * (afterAll). The handle forwards to that app, so it is used inside tests and hooks only.
 *
 *   const t = useTestApp({ poolSize: 20 });
 */
export function useTestApp(opts?: Parameters<typeof createTestApp>[0]): TestApp & { testDb: TestDb } {
  let app: (TestApp & { testDb: TestDb }) | undefined;
  beforeAll(async () => {
    app = await createTestApp(opts);
  });
  afterAll(async () => app?.close());
  return later(() => app, 'useTestApp');
}

/** A client signed in as `email` for the whole test file, after `useTestApp` made the app (beforeAll). */
export function useLogin(t: TestApp, email: string): Client {
  let c: Client | undefined;
  beforeAll(async () => {
    c = await t.login(email);
  });
  return later(() => c, 'useLogin');
}

/** A handle on what a beforeAll hook makes: it forwards to it once made, and refuses before. */
function later<T extends object>(get: () => T | undefined, what: string): T {
  const made = () => {
    const v = get();
    if (v === undefined) throw new Error(`${what}: made in beforeAll; use it inside a test or a hook`);
    return v;
  };
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(made(), key),
    set: (_, key, value) => Reflect.set(made(), key, value),
  });
}

export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/**
 * Every page of a keyset-paginated list, in order: GET `path` (its query holds the filters and the
 * limit), then again with each `nextCursor` until there is none; every page must answer 200.
 */
export async function allPages<P extends { nextCursor: string | null }>(c: Client, path: string): Promise<P[]> {
  const pages: P[] = [];
  let cursor: string | null = null;
  do {
    const res = await c.get(
      cursor === null ? path : `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`,
    );
    expect(res.status).toBe(200);
    const page: P = await json<P>(res);
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}

/** The items of every page of a keyset-paginated list (allPages), in order. */
export async function allPageItems<T>(c: Client, path: string): Promise<T[]> {
  return (await allPages<{ items: T[]; nextCursor: string | null }>(c, path)).flatMap((p) => p.items);
}
