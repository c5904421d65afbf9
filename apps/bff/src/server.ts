import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createDb, seed } from '@idv/db';
import { createApp } from './app.ts';
import { systemClock } from './clock.ts';
import { loadConfig } from './config.ts';
import { startScheduler } from './jobs/scheduler.ts';
import { hashPassword } from './use-cases/sign-in.ts';

const config = loadConfig();
config.consoleDist ??= resolve(dirname(fileURLToPath(import.meta.url)), '../../console/dist');
const handle = await createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
if (config.seedDemo) {
  const seeded = await seed(handle.db, { now: systemClock.now(), hashPassword });
  if (seeded) console.log('Seeded the demo data (see README for the sign-in users).');
}
const deps = { db: handle.db, clock: systemClock, config };
const app = createApp(deps);
// R5.3 settlement and the other account jobs: catch up now, then every 30 s.
const stopScheduler = startScheduler(deps, 30_000);
const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  console.log(`Billing console on http://localhost:${info.port} (${handle.kind})`);
});

async function shutdown() {
  stopScheduler();
  server.close();
  await handle.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
