import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createDb, type DbHandle, seed, seedCatalog } from '@idv/db';
import postgres from 'postgres';
import { createApp } from './app.ts';
import { type Clock, systemClock } from './clock.ts';
import { loadConfig } from './config.ts';
import type { Lifecycle } from './http/health.ts';
import { startDemoMoveResumer } from './jobs/demo-moves.ts';
import { processHolder, startScheduler } from './jobs/scheduler.ts';
import { hashPassword } from './use-cases/sign-in.ts';

const env = process.env;
const int = (name: string, fallback: number) => {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number.parseInt(v, 10);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${v}"`);
  return n;
};

const config = loadConfig();
config.consoleDist ??= resolve(dirname(fileURLToPath(import.meta.url)), '../../console/dist');

/**
 * CLOCK_START=<ISO instant> (tests and benchmarks only): the process clock starts there and advances
 * with real time, so several processes can be started "on the same morning" at a chosen instant.
 * Refused in production: production reads the system clock (architecture.md, Time).
 */
function processClock(): Clock {
  const start = env.CLOCK_START;
  if (!start) return systemClock;
  if (config.production)
    throw new Error('CLOCK_START is for tests and benchmarks; it is refused when NODE_ENV=production');
  const t0 = new Date(start).getTime();
  if (Number.isNaN(t0)) throw new Error(`CLOCK_START is not an instant: "${start}"`);
  const started = Date.now();
  return { now: () => new Date(t0 + (Date.now() - started)) };
}
const clock = processClock();

/**
 * Opens the database and migrates it. On PostgreSQL several instances may start at once: the
 * migrations (and the catalog and optional demo seed) run under a session advisory lock, so exactly one
 * instance applies them and the others wait, then find nothing to do.
 */
async function openDatabase(): Promise<DbHandle> {
  const seedIfAsked = async (h: DbHandle) => {
    // R1.1 The catalog (labels, pack tiers) is reference data every database needs, demo or not:
    // inserted if missing (ON CONFLICT DO NOTHING), never overwritten.
    await seedCatalog(h.db);
    if (!config.seedDemo) return;
    const seeded = await seed(h.db, { now: clock.now(), hashPassword });
    if (seeded) console.log('Seeded the demo data (see README for the sign-in users).');
  };
  if (!config.databaseUrl) {
    const h = await createDb({ dataDir: config.dataDir });
    await seedIfAsked(h);
    return h;
  }
  const lock = postgres(config.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await lock`select pg_advisory_lock(hashtextextended('idv:migrate', 0))`;
    const h = await createDb({ databaseUrl: config.databaseUrl, poolSize: int('DB_POOL_SIZE', 10) });
    await seedIfAsked(h);
    return h;
  } finally {
    // Ending the session releases the lock too (also when the process dies mid-migration).
    await lock.end({ timeout: 5 });
  }
}

const handle = await openDatabase();
const lifecycle: Lifecycle = { draining: false };
const deps = { db: handle.db, clock, config, lifecycle };
const app = createApp(deps);

// R5.3 settlement and the other account jobs: catch up now, then every SCHEDULER_INTERVAL_MS
// (default 30 s; 0 turns the scheduler off in this instance). Every instance may run it: the
// job leases keep them apart (docs/production.md).
const intervalMs = int('SCHEDULER_INTERVAL_MS', 30_000);
const stopScheduler =
  intervalMs > 0
    ? startScheduler(deps, intervalMs, {
        leaseMs: int('JOB_LEASE_SECONDS', 60) * 1000,
        concurrency: int('SCHEDULER_CONCURRENCY', handle.kind === 'postgres' ? 4 : 1),
        chunk: int('SCHEDULER_CHUNK', 25),
      })
    : async () => {};
// R9.3 demo clock moves interrupted by a crash are resumed (DEMO_RESUME_INTERVAL_MS, default 5 s; 0 = off).
const resumeMs = int('DEMO_RESUME_INTERVAL_MS', 5_000);
const stopResumer = resumeMs > 0 ? startDemoMoveResumer(deps, resumeMs) : async () => {};
const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  console.log(
    `Billing console on http://localhost:${info.port} (${handle.kind}; scheduler ${
      intervalMs > 0 ? `every ${intervalMs} ms as ${processHolder}` : 'off'
    })`,
  );
});

// SHUTDOWN_DRAIN_MS (default 0): on SIGTERM, answer GET /readyz with 503 for this long while still
// serving, so the load balancer stops routing here before the listener closes.
const drainMs = int('SHUTDOWN_DRAIN_MS', 0);
let closing = false;
async function shutdown() {
  if (closing) return;
  closing = true;
  lifecycle.draining = true;
  if (drainMs > 0) {
    console.log(`Draining for ${drainMs} ms (GET /readyz answers 503)`);
    await new Promise((ok) => setTimeout(ok, drainMs));
  }
  server.close();
  // Let a tick in progress finish its account (its leases are given back), then close the pool.
  await stopScheduler();
  await stopResumer();
  await handle.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
