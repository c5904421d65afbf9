import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** One type for both drivers: the use cases never know which database they run on. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface DbHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../migrations');

export interface CreateDbOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; `memory://` for an in-memory database (tests). */
  dataDir?: string | undefined;
  /** Connection pool size for PostgreSQL. */
  poolSize?: number;
  /**
   * PostgreSQL: at most this many transactions hold a connection at once (default: the pool size,
   * i.e. no limit; see admitTransactions()). Below the pool size, the other connections stay free for
   * single statements (the reads), so a read never waits behind the pool's transactions.
   */
  maxTransactions?: number;
  /**
   * PostgreSQL: statements with 1…n parameters are sent as named prepared statements (default 24;
   * 0 = never). See preparedUpTo() below.
   */
  prepareUpTo?: number;
  migrate?: boolean;
}

/** createDb(): PGlite in a data folder by default, PostgreSQL when DATABASE_URL is set. Migrates at start. */
export async function createDb(opts: CreateDbOptions = {}): Promise<DbHandle> {
  const runMigrations = opts.migrate ?? true;
  if (opts.databaseUrl) {
    const client = postgres(opts.databaseUrl, {
      max: opts.poolSize ?? 10,
      onnotice: () => {},
      // Keep NUMERIC and INT8 as strings: money is never a binary float (R1.2).
      types: { numeric: { to: 1700, from: [1700], serialize: String, parse: String } },
    });
    const pool = opts.poolSize ?? 10;
    const maxTransactions = opts.maxTransactions ?? pool;
    const wrapped = admitTransactions(preparedUpTo(client, opts.prepareUpTo ?? 24), maxTransactions);
    const db = drizzlePostgres(wrapped, { schema }) as unknown as Db;
    if (runMigrations) await migratePostgres(db as never, { migrationsFolder });
    return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
  }
  const dataDir = opts.dataDir ?? '.data';
  let pg: PGlite;
  if (dataDir.startsWith('memory://')) {
    pg = new PGlite(dataDir);
  } else {
    const dir = resolve(dataDir);
    mkdirSync(dir, { recursive: true });
    pg = new PGlite(join(dir, 'pglite'));
  }
  await pg.waitReady;
  const db = drizzlePglite(pg, { schema }) as unknown as Db;
  if (runMigrations) await migratePglite(db as never, { migrationsFolder });
  return { db, kind: 'pglite', close: () => pg.close() };
}

/**
 * Issue 15: Drizzle sends every query it builds as an unnamed statement, and postgres.js sends an
 * unnamed statement with parameters in two round trips (Parse/Describe, wait for the parameter types,
 * then Bind/Execute; no pipelining meanwhile), and the server plans it each time. A named prepared
 * statement is described once per connection, then costs one round trip. postgres.js keeps its
 * prepared statements per connection for the connection's life, so only statements with few
 * parameters are prepared: their texts come from a bounded set of query shapes (a query whose text
 * grows with its input — an IN list, a multi-row VALUES — quickly has more than `upTo` parameters and
 * stays unnamed). Statements without parameters need no Describe round trip and stay unnamed too.
 */
function preparedUpTo(client: postgres.Sql, upTo: number): postgres.Sql {
  if (upTo <= 0) return client;
  type Unsafe = (query: string, params?: unknown[], options?: { prepare?: boolean }) => unknown;
  type Scoped = (...args: unknown[]) => unknown;
  const wrap = <T extends object>(c: T): T =>
    new Proxy(c, {
      get(target, key) {
        const value = Reflect.get(target, key) as unknown;
        if (key === 'unsafe') {
          const unsafe = value as Unsafe;
          return (query: string, params?: unknown[], options?: { prepare?: boolean }) =>
            unsafe(
              query,
              params,
              params && params.length > 0 && params.length <= upTo ? { ...options, prepare: true } : options,
            );
        }
        // A transaction's reserved connection (begin) and its savepoints: the same rule inside.
        if (key === 'begin' || key === 'savepoint') {
          const scoped = value as Scoped;
          return (...args: unknown[]) => {
            const fn = args.at(-1) as (sql: object) => unknown;
            return scoped(...args.slice(0, -1), (sql: object) => fn(wrap(sql)));
          };
        }
        return value;
      },
    });
  return wrap(client);
}

/**
 * Issue 15: a transaction holds its connection for its whole life, mostly waiting for this process
 * between its statements (pg_stat_activity under the 50-client mixed load: ~7 of 10 connections
 * "idle in transaction"), and postgres.js gives a waiting single statement the next free connection.
 * With every connection held by a transaction, a one-statement read waits for some transaction to
 * commit. Admission control: at most `max` transactions at once (FIFO); a transaction beyond it waits
 * here, before taking a connection, and the pool's remaining connections serve the single statements.
 * Only the top-level client's begin() is counted (a savepoint inside a transaction is not a new one).
 * A transaction must not start another top-level transaction while it holds a slot (none does: a
 * nested unit of work uses the transaction handle it was given).
 */
function admitTransactions(client: postgres.Sql, max: number): postgres.Sql {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  const acquire = (): Promise<void> | undefined => {
    if (running < max) {
      running++;
      return undefined;
    }
    return new Promise((ok) => waiting.push(ok));
  };
  return new Proxy(client, {
    get(target, key) {
      const value = Reflect.get(target, key) as unknown;
      if (key !== 'begin') return value;
      const begin = value as (...args: unknown[]) => Promise<unknown>;
      return async (...args: unknown[]) => {
        await acquire();
        try {
          return await begin(...args);
        } finally {
          release();
        }
      };
    },
  });
}

/**
 * Issue 15: statements of one transaction sent back to back (pipelined) and awaited together:
 * `pipelined([insertA(tx), updateB(tx)])`, each already started. One round trip for the group instead
 * of one per statement (postgres.js batches them into one socket write on the transaction's
 * connection; PGlite runs them one at a time): under load every round trip waits for this process's
 * event loop while the transaction holds its connection and its locks. The order in which they run is
 * NOT guaranteed (each goes through its own chain of promises): group only statements that do not
 * depend on each other, neither on a result nor on an effect (a foreign key, a row lock, a read of
 * what another writes). If one fails, PostgreSQL aborts the transaction and the others fail too; this
 * waits for all, then throws the cause (the first failure that is not "transaction aborted", 25P02).
 */
export async function pipelined<T extends readonly unknown[]>(
  started: readonly [...{ [K in keyof T]: PromiseLike<T[K]> }],
): Promise<T> {
  const settled = await Promise.allSettled(started);
  const failures = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
  if (failures.length > 0) throw failures.find((e) => !isAbortedTransaction(e)) ?? failures[0];
  return settled.map((s) => (s.status === 'fulfilled' ? s.value : undefined)) as unknown as T;
}

/** SQLSTATE 25P02 (a statement sent after another failed in the same transaction), possibly wrapped. */
function isAbortedTransaction(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && typeof cur === 'object' && depth < 4; depth++) {
    if ((cur as { code?: unknown }).code === '25P02') return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}

/** Starts a built Drizzle query now (a query builder runs only when awaited), so that it can join a pipelined() group. */
export function startQuery<T>(q: PromiseLike<T>): Promise<T> {
  return new Promise<T>((ok, fail) => {
    q.then(ok, fail);
  });
}

/** Rows of a raw SQL query, whichever driver answered it. */
export async function rows<T>(db: DbOrTx, query: Parameters<Db['execute']>[0]): Promise<T[]> {
  const res = (await db.execute(query)) as unknown;
  if (Array.isArray(res)) return res as T[];
  return ((res as { rows?: T[] }).rows ?? []) as T[];
}
