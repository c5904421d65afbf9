import {
  type AccountState,
  type DeductionContext,
  type Outcome as DomainOutcome,
  deductBatch,
  type PackState,
  type UsageResult,
} from '@idv/billing';
import { packs } from '@idv/db';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogMap } from '../src/repositories/catalog.ts';
import { createTestApp, type TestApp } from './harness.ts';
import { addPack, createAccount, cst, type Ev, ingestOk, type Outcome } from './usage-fixtures.ts';

// R4.1/R4.2/R4.7 property: random packs and random event streams sent through the API in random
// batches give exactly the outcomes of a sequential replay with the pure deductBatch; counts stay in
// [0, total]; sending the whole stream again changes nothing.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
  const { seedCatalog } = await import('@idv/db');
  await seedCatalog(t.deps.db);
});
afterAll(async () => t?.close());

const LABELS = ['basic.selfie', 'basic.authority', 'no.such.label'] as const;
const RESULTS: UsageResult[] = [
  'success',
  'success',
  'compare_mismatch',
  'liveness_failed',
  'timeout',
  'invalid_request',
];

const arbPack = fc.record({
  label: fc.constantFrom('basic.selfie', 'basic.authority'),
  source: fc.constantFrom('gift' as const, 'purchase' as const),
  total: fc.integer({ min: 1, max: 5 }),
  used: fc.integer({ min: 0, max: 2 }),
  acquiredHour: fc.integer({ min: 0, max: 9 }),
  expiry: fc.constantFrom('2026-11-20T05:00:00', '2027-01-01T00:00:00', '2027-06-01T00:00:00'),
});
const arbEvent = fc.record({
  id: fc.integer({ min: 0, max: 40 }),
  label: fc.constantFrom(...LABELS),
  resource: fc.integer({ min: 0, max: 2 }),
  result: fc.constantFrom(...RESULTS),
  // Mostly today before the clock (10:00); some on the settled day, some in the future.
  time: fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .integer({ min: 0, max: 599 })
        .map((m) => `2026-11-20T0${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}:00+08:00`),
    },
    { weight: 1, arbitrary: fc.constant('2026-11-19T12:00:00+08:00') },
    { weight: 1, arbitrary: fc.constant('2026-11-20T11:00:00+08:00') },
  ),
});

describe('R4.2/R4.7 ingest matches a sequential replay of the pure deduction', () => {
  it('R4.7 random packs, streams and batch splits: same outcomes, used in [0, total], replay changes nothing', async () => {
    const knownLabels = new Set((await catalogMap(t.deps.db)).keys());
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbPack, { maxLength: 5 }),
        fc.array(arbEvent, { minLength: 1, maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 25 }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        async (packSpecs, evSpecs, cuts, postpaidEnabled) => {
          const a = await createAccount(t, { settledThrough: '2026-11-19', postpaidEnabled });
          const state: PackState[] = [];
          for (const p of packSpecs) {
            const used = Math.min(p.used, p.total);
            const acquiredAt = cst(`2026-11-20T0${p.acquiredHour}:00:00`);
            const expiresAt = cst(p.expiry);
            const id = await addPack(t, a.id, {
              label: p.label,
              source: p.source,
              total: p.total,
              used,
              acquiredAt,
              expiresAt,
            });
            state.push({
              id,
              label: p.label,
              source: p.source,
              status: used >= p.total ? 'exhausted' : 'active',
              total: p.total,
              used,
              acquiredAt,
              expiresAt,
            });
          }
          const resources = [a.resources[0], a.resources[1], 'res-not-mine'];
          const events: Ev[] = evSpecs.map((e) => ({
            id: `p${e.id}`,
            label: e.label,
            resourceId: resources[e.resource] ?? 'x',
            result: e.result,
            occurredAt: e.time,
          }));
          const batches: Ev[][] = [];
          let i = 0;
          let c = 0;
          while (i < events.length) {
            const n = cuts[c++ % cuts.length] ?? 1;
            batches.push(events.slice(i, i + n));
            i += n;
          }
          const account: AccountState = { status: 'active', postpaidEnabled };
          const ctx: DeductionContext = {
            now: t.clock.now(),
            skewMs: t.deps.config.clockSkewMs,
            settledThrough: '2026-11-19',
            knownLabels,
            knownResources: new Set(a.resources),
          };
          const seen = new Set<string>();
          for (const batch of batches) {
            const got = await ingestOk(t, a.key, batch);
            const want = deductBatch(
              state,
              account,
              batch.map((e) => ({ ...e, result: e.result as UsageResult, occurredAt: new Date(e.occurredAt) })),
              ctx,
              seen,
            );
            expect(got).toEqual(batch.map((e, k) => wire(e.id, want[k])));
          }
          const rows = await t.deps.db.select().from(packs).where(eq(packs.accountId, a.id));
          for (const r of rows) {
            const s = state.find((p) => p.id === r.id);
            expect(r.used).toBe(s?.used);
            expect(r.used).toBeGreaterThanOrEqual(0);
            expect(r.used).toBeLessThanOrEqual(r.total);
          }
          const again = await ingestOk(t, a.key, events);
          expect(again.every((o) => o.outcome === 'duplicate')).toBe(true);
          const after = await t.deps.db.select().from(packs).where(eq(packs.accountId, a.id));
          expect(after.map((r) => [r.id, r.used])).toEqual(rows.map((r) => [r.id, r.used]));
        },
      ),
      { numRuns: 25 },
    );
  });
});

function wire(id: string, o: DomainOutcome | undefined): Outcome {
  if (!o) throw new Error('missing outcome');
  switch (o.outcome) {
    case 'pack':
      return { id, outcome: 'pack', packId: o.packId.toString() };
    case 'rejected':
      return { id, outcome: 'rejected', code: o.code };
    default:
      return { id, outcome: o.outcome };
  }
}
