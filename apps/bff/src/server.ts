import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { List, Pack } from '@idv/contracts';
import { createDb, type DbHandle, seedCatalog } from '@idv/db';
import postgres from 'postgres';
import { createApp } from './app.ts';
import { type Clock, systemClock } from './clock.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { seedDemo } from './demo/seed.ts';
import { listenForChanges } from './http/change-listener.ts';
import type { Lifecycle } from './http/health.ts';
import { SESSION_SNAPSHOT_TTL_MS, SessionSnapshots } from './http/session-snapshots.ts';
import { startDemoMoveResumer } from './jobs/demo-moves.ts';
import { processHolder, startScheduler } from './jobs/scheduler.ts';
import { ReadCache } from './lib/read-cache.ts';
import { createLogger } from './observability/logger.ts';
import { notifySessionSnapshots } from './repositories/auth.ts';

// Every setting is read here, once, and validated (config.ts); a bad value stops the start.
let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exit(2);
}
// src/server.ts and the bundle dist/server.js are both two levels below apps/, so this finds the console.
config.consoleDist ??= resolve(dirname(fileURLToPath(import.meta.url)), '../../console/dist');
const logger = createLogger(config.logLevel);

/**
 * CLOCK_START=<ISO instant> (tests and benchmarks only): the process clock starts there and advances
 * with real time, so several processes can be started "on the same morning" at a chosen instant.
 * Refused in production by loadConfig (architecture.md, Time).
 */
function processClock(): Clock {
  const start = config.clockStart;
  if (!start) return systemClock;
  const t0 = start.getTime();
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
    const seeded = await seedDemo({ db: h.db, clock, config, logger });
    if (seeded) logger.info('Seeded the demo data (see README for the sign-in users).');
  };
  if (!config.databaseUrl) {
    const h = await createDb({ dataDir: config.dataDir });
    await seedIfAsked(h);
    return h;
  }
  const lock = postgres(config.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await lock`select pg_advisory_lock(hashtextextended('idv:migrate', 0))`;
    const h = await createDb({ databaseUrl: config.databaseUrl, poolSize: config.dbPoolSize });
    await seedIfAsked(h);
    return h;
  } finally {
    // Ending the session releases the lock too (also when the process dies mid-migration).
    await lock.end({ timeout: 5 });
  }
}

let handle: DbHandle;
try {
  handle = await openDatabase();
} catch (err) {
  logger.fatal({ err }, 'Could not open or migrate the database');
  process.exit(1);
}
const lifecycle: Lifecycle = { draining: false };
// Issue 15 (docs/decisions/0020): pages of GET /packs kept ≤ 1 s, on PostgreSQL only, where the
// packs trigger's notifications (below) tell every instance which account's packs changed.
const packPages = config.databaseUrl ? new ReadCache<List<Pack>>(SESSION_SNAPSHOT_TTL_MS) : undefined;
const deps = { db: handle.db, clock, config, lifecycle, logger, packPages };
// Issue 15 (docs/decisions/0019): signed-in GETs may use a session snapshot ≤ 1 s old; every write
// through the API drops them here and, over NOTIFY, on every other instance (LISTEN on its own connection).
const listener = config.databaseUrl ? postgres(config.databaseUrl, { max: 1, onnotice: () => {} }) : null;
const sessionSnapshots = new SessionSnapshots(
  SESSION_SNAPSHOT_TTL_MS,
  listener ? () => notifySessionSnapshots(handle.db) : undefined,
);
if (listener) {
  try {
    await listenForChanges(listener, { sessionSnapshots, packPages });
  } catch (err) {
    // Serving without notifications is still correct for snapshots: other instances' writes are seen
    // within the TTL. Pack pages are not kept then (a job's change would wait for the TTL, not ~ms).
    packPages?.invalidate();
    deps.packPages = undefined;
    logger.warn({ err }, 'Could not LISTEN for change notifications (bound: the 1 s TTL)');
  }
}
const app = createApp(deps, { sessionSnapshots });

// R5.3 settlement and the other account jobs: catch up now, then every SCHEDULER_INTERVAL_MS
// (default 30 s; 0 turns the scheduler off in this instance). Every instance may run it: the
// job leases keep them apart (docs/production.md).
const intervalMs = config.schedulerIntervalMs;
const stopScheduler =
  intervalMs > 0
    ? startScheduler(deps, intervalMs, {
        leaseMs: config.jobLeaseMs,
        concurrency: config.schedulerConcurrency ?? (handle.kind === 'postgres' ? 4 : 1),
        chunk: config.schedulerChunk,
      })
    : async () => {};
// R9.3 demo clock moves interrupted by a crash are resumed (DEMO_RESUME_INTERVAL_MS, default 5 s; 0 = off).
const resumeMs = config.demoResumeIntervalMs;
const stopResumer = resumeMs > 0 ? startDemoMoveResumer(deps, resumeMs) : async () => {};
const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  logger.info(
    {
      port: info.port,
      db: handle.kind,
      node: process.version,
      scheduler: intervalMs > 0 ? { intervalMs, holder: processHolder } : 'off',
    },
    `Billing console on http://localhost:${info.port} (${handle.kind}; scheduler ${
      intervalMs > 0 ? `every ${intervalMs} ms as ${processHolder}` : 'off'
    })`,
  );
});

// SHUTDOWN_DRAIN_MS (default 0): on SIGTERM, answer GET /readyz with 503 for this long while still
// serving, so the load balancer stops routing here before the listener closes.
const drainMs = config.shutdownDrainMs;
let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  lifecycle.draining = true;
  logger.info({ signal }, 'Shutting down');
  if (drainMs > 0) {
    logger.info(`Draining for ${drainMs} ms (GET /readyz answers 503)`);
    await new Promise((ok) => setTimeout(ok, drainMs));
  }
  server.close();
  // Let a tick in progress finish its account (its leases are given back), then close the pool.
  await stopScheduler();
  await stopResumer();
  await listener?.end({ timeout: 5 });
  await handle.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
