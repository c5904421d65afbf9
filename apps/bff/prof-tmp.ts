import { randomBytes } from 'node:crypto';
import { createDb, seedCatalog, accounts, resources, packs, serviceKeys } from '@idv/db';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { addDays, cstDate, purchasedPackExpiry } from '@idv/billing';
import { createApp } from './src/app.ts';
import { ManualClock } from './src/clock.ts';
import { testConfig } from './src/config.ts';
import { sha256 } from './src/http/crypto.ts';

const admin = postgres('postgres://postgres@127.0.0.1:5432/postgres', { max: 1, onnotice: () => {} });
const name = `idv_prof_${randomBytes(4).toString('hex')}`;
await admin.unsafe(`create database ${name}`);
const h = await createDb({ databaseUrl: `postgres://postgres@127.0.0.1:5432/${name}`, poolSize: 4 });
const db = h.db;
await seedCatalog(db);
const now = new Date();
await db.insert(accounts).values({ id: 'a', name: 'a', settlement: 'daily', activatedAt: new Date(now.getTime() - 9e8), settledThrough: addDays(cstDate(now), -2) });
await db.insert(resources).values([{ id: 'r1', accountId: 'a', alias: 'x', project: 'p', region: 'r' }]);
const acq = new Date(now.getTime() - 5 * 86400000);
await db.insert(packs).values({ accountId: 'a', label: 'basic.selfie', source: 'purchase', total: 1000000, acquiredAt: acq, expiresAt: purchasedPackExpiry(acq) });
await db.insert(serviceKeys).values({ id: 'sk_a', accountId: 'a', name: 'b', keyHash: sha256('idv_sk_x'), prefix: 'x', createdAt: now });
const app = createApp({ db, clock: new ManualClock(now), config: testConfig() });
const ms: number[] = [];
for (let b = 0; b < 15; b++) {
  const events = Array.from({ length: 1000 }, (_, i) => ({ id: `b${b}e${i}`, label: i % 5 ? 'basic.selfie' : 'identity.basic', resourceId: 'r1', result: 'success', occurredAt: new Date(now.getTime() - i * 1000).toISOString() }));
  const t0 = performance.now();
  const res = await app.request('http://localhost/api/v1/usage/events', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer idv_sk_x' }, body: JSON.stringify({ events }) });
  await res.json();
  ms.push(performance.now() - t0);
}
console.log('batch ms', ms.map((m) => m.toFixed(0)).join(' '));
// Individual statement timings
const ids = Array.from({ length: 1000 }, (_, i) => `b3e${i}`);
for (const [label, q] of [
  ['existing ids inArray', async () => db.execute(sql`select event_id from usage_events where account_id = 'a' and event_id in ${ids}`)],
  ['existing ids json', async () => db.execute(sql`select event_id from usage_events where account_id = 'a' and event_id in (select json_array_elements_text(${JSON.stringify(ids)}::json))`)],
] as const) {
  const t0 = performance.now();
  for (let k = 0; k < 10; k++) await q();
  console.log(label, ((performance.now() - t0) / 10).toFixed(1), 'ms');
}
await h.close();
await admin.unsafe(`drop database ${name} with (force)`);
await admin.end();
