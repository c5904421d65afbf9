import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import postgres from 'postgres';

/**
 * What the tests, the benchmarks and the simulator make for themselves and throw away afterwards
 * (`@idv/db/scratch`; no Drizzle, no schema): a PostgreSQL database of their own, a free local port.
 */

export interface ScratchDatabase {
  url: string;
  name: string;
  /** Drops the database (closing whatever is still connected to it). */
  drop(): Promise<void>;
}

/** A new, empty database named `<prefix>_<random>` on the server of `adminUrl` (which must allow CREATE DATABASE). */
export async function scratchDatabase(adminUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** A TCP port that is free on 127.0.0.1 now, for a child process to listen on. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.unref();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => ok(port));
    });
  });
}
