/**
 * Ingest throughput with deduction (issue 3): batches of 1000 events, 10 concurrent clients, through
 * the real app (app.request: routing, service-key auth, zod validation, the ingest use case and its
 * transaction), next to the raw insert rate of the same rows, with the same INSERT statement, into
 * the same database in the same run. On PostgreSQL (a database created and dropped for the run) and
 * on PGlite (in memory).
 */
import { randomBytes } from 'node:crypto';
import { createApp } from '@idv/bff';
import { ManualClock } from '@idv/bff/clock.ts';
import { testConfig } from '@idv/bff/config.ts';
import { sha256 } from '@idv/bff/lib/crypto.ts';
import { type EventRow, insertEvents } from '@idv/bff/repositories/usage.ts';
import { addDays, cstDate, purchasedPackExpiry } from '@idv/billing';
import { accounts, createDb, type Db, packs, resources, seedCatalog, serviceKeys } from '@idv/db';
import { scratchDatabase } from '@idv/db/scratch';

export interface IngestResult {
  db: 'postgres' | 'pglite';
  /** How many accounts the 10 clients spread over (1 = all on one account, the worst case). */
  accounts: number;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  rawEvents: number;
  rawSeconds: number;
  rawPerSecond: number;
  ratio: number;
  outcomes: Record<string, number>;
}

const CLIENTS = 10;
const BATCH = 1000;

interface Target {
  db: Db;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

async function openTarget(kind: 'postgres' | 'pglite', adminUrl: string | undefined): Promise<Target> {
  if (kind === 'pglite') {
    const h = await createDb({ dataDir: 'memory://' });
    return { db: h.db, kind, close: h.close };
  }
  if (!adminUrl) throw new Error('DATABASE_URL is needed for the PostgreSQL run');
  const scratch = await scratchDatabase(adminUrl, 'idv_bench');
  const h = await createDb({ databaseUrl: scratch.url, poolSize: CLIENTS + 2 });
  return {
    db: h.db,
    kind,
    async close() {
      await h.close();
      await scratch.drop();
    },
  };
}

/** An account with two applications, a service key and a few packs the stream will partly use up. */
async function setup(db: Db, id: string, now: Date): Promise<string> {
  await db.insert(accounts).values({
    id,
    name: id,
    settlement: 'daily',
    activatedAt: new Date(now.getTime() - 30 * 86_400_000),
    settledThrough: addDays(cstDate(now), -2),
  });
  await db.insert(resources).values([
    { id: `${id}-app1`, accountId: id, alias: 'app 1', project: 'p', region: 'r' },
    { id: `${id}-app2`, accountId: id, alias: 'app 2', project: 'p', region: 'r' },
  ]);
  const acquiredAt = new Date(now.getTime() - 5 * 86_400_000);
  await db.insert(packs).values(
    [
      { source: 'gift' as const, total: 20_000 },
      { source: 'purchase' as const, total: 100_000 },
      { source: 'purchase' as const, total: 200_000 },
    ].map((p) => ({
      accountId: id,
      label: 'basic.selfie',
      ...p,
      acquiredAt,
      expiresAt: purchasedPackExpiry(acquiredAt),
    })),
  );
  const key = `idv_sk_bench_${randomBytes(16).toString('hex')}`;
  await db.insert(serviceKeys).values({
    id: `sk_${id}`,
    accountId: id,
    name: 'bench',
    keyHash: sha256(key),
    prefix: key.slice(0, 11),
    createdAt: now,
  });
  return key;
}

interface WireEvent {
  id: string;
  label: string;
  resourceId: string;
  result: string;
  occurredAt: string;
}

/** 70% pack label, 20% postpaid label, 10% non-billable; times within the last hour. */
function makeBatch(accountId: string, client: number, n: number, now: Date): WireEvent[] {
  return Array.from({ length: BATCH }, (_, i) => {
    const k = (client * 7919 + n * 104_729 + i) % 10;
    return {
      id: `c${client}-b${n}-e${i}`,
      label: k < 7 ? 'basic.selfie' : 'identity.basic',
      resourceId: `${accountId}-app${(i % 2) + 1}`,
      result: k === 9 ? 'timeout' : 'success',
      occurredAt: new Date(now.getTime() - ((i * 3.6) | 0) * 1000).toISOString(),
    };
  });
}

export async function benchIngest(
  kind: 'postgres' | 'pglite',
  opts: { batchesPerClient: number; accounts?: number; adminUrl?: string | undefined },
): Promise<IngestResult> {
  const target = await openTarget(kind, opts.adminUrl);
  try {
    await seedCatalog(target.db);
    const now = new Date();
    const clock = new ManualClock(now);
    const accountCount = opts.accounts ?? 1;
    const keys: string[] = [];
    for (let i = 0; i < accountCount; i++) keys.push(await setup(target.db, `acct_bench${i}`, now));
    const app = createApp({ db: target.db, clock, config: testConfig() });
    const send = async (events: WireEvent[], key: string) => {
      const res = await app.request('http://localhost/api/v1/usage/events', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ events }),
      });
      if (res.status !== 200) throw new Error(`ingest ${res.status}: ${await res.text()}`);
      return ((await res.json()) as { outcomes: { outcome: string }[] }).outcomes;
    };
    // Warm-up (JIT, plans, catalog cache), not measured.
    for (const [i, key] of keys.entries()) await send(makeBatch(`acct_bench${i}`, 99, 0, now), key);

    const outcomes: Record<string, number> = {};
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        for (let b = 0; b < opts.batchesPerClient; b++) {
          const a = c % accountCount;
          const out = await send(makeBatch(`acct_bench${a}`, c, b, now), keys[a] ?? '');
          for (const o of out) outcomes[o.outcome] = (outcomes[o.outcome] ?? 0) + 1;
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const events = CLIENTS * opts.batchesPerClient * BATCH;

    // Raw: the same rows, the same INSERT, one transaction per batch, same concurrency, no deduction.
    const rawAccount = 'acct_raw';
    await setup(target.db, rawAccount, now);
    const rows = (c: number, b: number): EventRow[] =>
      makeBatch(rawAccount, c, b, now).map((e) => ({
        accountId: rawAccount,
        eventId: e.id,
        label: e.label,
        resourceId: e.resourceId,
        result: e.result,
        occurredAt: new Date(e.occurredAt),
        day: cstDate(new Date(e.occurredAt)),
        outcome: e.result === 'timeout' ? 'free' : 'postpaid',
        packId: null,
        code: null,
        rule: 'postpaid_no_pack',
        receivedAt: now,
      }));
    const r0 = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        for (let b = 0; b < opts.batchesPerClient; b++) {
          const batch = rows(c, b);
          await target.db.transaction((tx) => insertEvents(tx, batch));
        }
      }),
    );
    const rawSeconds = (performance.now() - r0) / 1000;
    const eventsPerSecond = events / seconds;
    const rawPerSecond = events / rawSeconds;
    return {
      db: kind,
      accounts: accountCount,
      events,
      seconds,
      eventsPerSecond,
      rawEvents: events,
      rawSeconds,
      rawPerSecond,
      ratio: eventsPerSecond / rawPerSecond,
      outcomes,
    };
  } finally {
    await target.close();
  }
}
