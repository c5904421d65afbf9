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
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
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

/** Rows of a raw SQL query, whichever driver answered it. */
export async function rows<T>(db: DbOrTx, query: Parameters<Db['execute']>[0]): Promise<T[]> {
  const res = (await db.execute(query)) as unknown;
  if (Array.isArray(res)) return res as T[];
  return ((res as { rows?: T[] }).rows ?? []) as T[];
}
