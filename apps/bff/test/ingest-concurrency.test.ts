import { type DeductionContext, deductBatch, type PackState } from '@idv/billing';
import { packs, settlements, usageEvents } from '@idv/db';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAccountJobs } from '../src/jobs/scheduler.ts';
import { catalogMap } from '../src/repositories/catalog.ts';
import { createTestApp, onPostgres, type TestApp } from './harness.ts';
import {
  accountRow,
  addPack,
  chargesOf,
  createAccount,
  cst,
  type Ev,
  ev,
  expectLedgerConsistent,
  ingest,
  ingestOk,
  type Outcome,
} from './usage-fixtures.ts';

// Only on real PostgreSQL: PGlite runs one transaction at a time, so concurrency there proves
// nothing. Here many connections really race, and the advisory lock + FOR SHARE + guarded UPDATE
// must keep R4.1 (one outcome per id) and R4.7 (no pack over-used) whatever the interleaving.
describe.runIf(onPostgres)('R4.7 concurrency on PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ poolSize: 20 });
  });
  afterAll(async () => t?.close());

  it('R4.7 50 concurrent clients with overlapping batches: counts equal a sequential replay, no pack over-used', async () => {
    const a = await createAccount(t, { settledThrough: '2026-11-19' });
    const specs = [
      { label: 'basic.selfie', source: 'gift' as const, total: 40 },
      { label: 'basic.selfie', source: 'purchase' as const, total: 60 },
      { label: 'basic.selfie', source: 'purchase' as const, total: 25 },
      { label: 'basic.authority', source: 'purchase' as const, total: 30 },
    ];
    const state: PackState[] = [];
    for (const [i, s] of specs.entries()) {
      const acquiredAt = cst(`2026-11-0${i + 1}T10:00:00`);
      const id = await addPack(t, a.id, { ...s, acquiredAt });
      const row = await t.deps.db.select().from(packs).where(eq(packs.id, id));
      state.push({ ...s, id, status: 'active', used: 0, acquiredAt, expiresAt: row[0]?.expiresAt ?? new Date(0) });
    }
    // 50 clients × 4 batches of 40 events drawn from 600 ids: heavy overlap between clients.
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const clients: Ev[][][] = Array.from({ length: 50 }, () =>
      Array.from({ length: 4 }, () =>
        Array.from({ length: 40 }, () => {
          const id = rnd(600);
          const label = id % 3 === 0 ? 'basic.authority' : 'basic.selfie';
          return ev(
            `c${id}`,
            label,
            a.resources[id % 2 === 0 ? 0 : 1],
            `2026-11-20T09:${String(id % 60).padStart(2, '0')}:00+08:00`,
            id % 17 === 0 ? 'timeout' : 'success',
          );
        }),
      ),
    );
    const arrival: { batch: Ev[]; outcomes: Outcome[] }[] = [];
    await Promise.all(
      clients.map(async (batches) => {
        for (const batch of batches) {
          const res = await ingest(t, a.key, batch);
          expect(res.status).toBe(200);
          const body = (await res.json()) as { outcomes: Outcome[] };
          arrival.push({ batch, outcomes: body.outcomes });
        }
      }),
    );

    // R4.1 every id got exactly one non-duplicate answer across all clients, equal to what is stored.
    const firstAnswer = new Map<string, Outcome>();
    for (const { outcomes } of arrival) {
      for (const o of outcomes) {
        if (o.outcome === 'duplicate') continue;
        expect(firstAnswer.has(o.id)).toBe(false);
        firstAnswer.set(o.id, o);
      }
    }
    const stored = await t.deps.db.select().from(usageEvents).where(eq(usageEvents.accountId, a.id));
    expect(stored).toHaveLength(firstAnswer.size);
    for (const e of stored) {
      const o = firstAnswer.get(e.eventId);
      expect(o?.outcome).toBe(e.outcome);
      expect(o?.packId ?? null).toBe(e.packId === null ? null : e.packId.toString());
    }

    // A sequential replay of the batches (in any order: here their commit order is unknown, so
    // the order of arrival) with the pure deductBatch gives the same per-pack counts and totals.
    const ctx: DeductionContext = {
      now: t.clock.now(),
      skewMs: t.deps.config.clockSkewMs,
      settledThrough: '2026-11-19',
      knownLabels: new Set((await catalogMap(t.deps.db)).keys()),
      knownResources: new Set(a.resources),
    };
    const seen = new Set<string>();
    const counts = { pack: 0, postpaid: 0, free: 0, rejected: 0, duplicate: 0 };
    for (const { batch } of arrival) {
      const out = deductBatch(
        state,
        { status: 'active', postpaidEnabled: true },
        batch.map((e) => ({ ...e, result: e.result as 'success', occurredAt: new Date(e.occurredAt) })),
        ctx,
        seen,
      );
      for (const o of out) counts[o.outcome]++;
    }
    const storedCounts = { pack: 0, postpaid: 0, free: 0, rejected: 0 };
    for (const e of stored) storedCounts[e.outcome]++;
    expect(storedCounts).toEqual({
      pack: counts.pack,
      postpaid: counts.postpaid,
      free: counts.free,
      rejected: counts.rejected,
    });
    const rows = await t.deps.db.select().from(packs).where(eq(packs.accountId, a.id));
    for (const r of rows) {
      expect(r.used).toBeLessThanOrEqual(r.total);
      expect(r.used).toBe(state.find((s) => s.id === r.id)?.used);
      const [n] = await t.deps.db
        .select({ n: sql<number>`count(*)::int` })
        .from(usageEvents)
        .where(eq(usageEvents.packId, r.id));
      expect(Number(n?.n)).toBe(r.used);
    }
  });

  it('R5.3 concurrent settlement runs, racing ingest, charge once and keep the ledger exact', async () => {
    const a = await createAccount(t, { settledThrough: '2026-11-19', balances: { cash: '100.00' } });
    const batch = Array.from({ length: 200 }, (_, i) =>
      ev(`s${i}`, 'identity.basic', a.resources[0], '2026-11-20T09:00:00+08:00'),
    );
    await ingestOk(t, a.key, batch);
    const due = cst('2026-11-21T08:00:00');
    t.clock.set(due);
    // Late events for the day race the settlement: each is either billed with the day or DAY_SETTLED.
    const late = Array.from({ length: 10 }, (_, i) => [
      ev(`late${i}`, 'identity.basic', a.resources[0], '2026-11-20T23:00:00+08:00'),
    ]);
    const results = await Promise.all([
      ...Array.from({ length: 5 }, () => runAccountJobs(t.deps, a.id, due)),
      ...late.map((b) => ingestOk(t, a.key, b)),
    ]);
    const lateOutcomes = results.slice(5).flat() as Outcome[];
    const billedLate = lateOutcomes.filter((o) => o.outcome === 'postpaid').length;
    expect(billedLate + lateOutcomes.filter((o) => o.code === 'DAY_SETTLED').length).toBe(10);
    expect(await t.deps.db.select().from(settlements).where(eq(settlements.accountId, a.id))).toHaveLength(1);
    const lines = await chargesOf(t, a.id, 'daily_settlement');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.quantity).toBe(200 + billedLate);
    // Any postpaid event of the day that is not on the bill would be lost revenue.
    const [unbilled] = await t.deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(usageEvents)
      .where(sql`${usageEvents.accountId} = ${a.id} and ${usageEvents.outcome} = 'postpaid'`);
    expect(Number(unbilled?.n)).toBe(lines[0]?.quantity);
    expect((await accountRow(t, a.id)).settledThrough).toBe('2026-11-20');
    await expectLedgerConsistent(t, a.id);
  });
});
