import { eidTrialLabels, freeTrialLabels, giftPackExpiry } from '@idv/billing';
import { packs, usageEvents } from '@idv/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freeTrialJob } from '../src/jobs/free-trial.ts';
import { accountJobs } from '../src/jobs/registry.ts';
import { catalogMap } from '../src/repositories/catalog.ts';
import { createTestApp, json, T0, type TestApp } from './harness.ts';
import { createAccount, cst } from './usage-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(); // trial delay: the default 30 minutes
});
afterAll(async () => t?.close());
afterEach(() => t.clock.set(T0));

const MIN = 60_000;
const trialPacks = (accountId: string) =>
  t.deps.db
    .select()
    .from(packs)
    .where(and(eq(packs.accountId, accountId), eq(packs.grantReason, 'trial')));

describe('free trial (R3.4)', () => {
  it('R3.4 is registered as an account job', () => {
    expect(accountJobs.map((j) => j.name)).toContain('free-trial');
  });

  it('R3.4 grants 100-call gift packs for each trial label 30 minutes after activation, dated at the due time, once', async () => {
    const activatedAt = new Date(t.clock.now().getTime() - 10 * MIN);
    const a = await createAccount(t, { activatedAt });
    expect(await freeTrialJob.run(t.deps, a.id, t.clock.now())).toEqual([]); // not due yet (20 minutes to go)
    expect(await trialPacks(a.id)).toHaveLength(0);

    t.clock.advance(25 * MIN);
    const happened = await freeTrialJob.run(t.deps, a.id, t.clock.now());
    expect(happened).toHaveLength(1);
    const due = new Date(activatedAt.getTime() + 30 * MIN);
    const expected = freeTrialLabels([...(await catalogMap(t.deps.db)).values()], activatedAt).map((l) => l.code);
    const got = await trialPacks(a.id);
    expect(got.map((p) => p.label).sort()).toEqual([...expected].sort());
    expect(expected).toContain('photo.v2'); // activated after 2024-05-15
    expect(expected).not.toContain('eid.authority'); // only on eID approval
    for (const p of got) {
      expect(p).toMatchObject({ source: 'gift', total: 100, used: 0, status: 'active', orderId: null });
      expect(p.acquiredAt.getTime()).toBe(due.getTime());
      expect(p.expiresAt.getTime()).toBe(giftPackExpiry(due).getTime()); // R3.2 exactly one year
    }
    // Running again, even concurrently, grants nothing more.
    const again = await Promise.all([1, 2, 3].map(() => freeTrialJob.run(t.deps, a.id, t.clock.now())));
    expect(again.flat()).toEqual([]);
    expect(await trialPacks(a.id)).toHaveLength(expected.length);
  });

  it('R3.4 photo.v2 only for accounts activated on or after 2024-05-15; a late run catches up with the history it would have made', async () => {
    const before = await createAccount(t, { activatedAt: cst('2024-05-14T23:59:59') });
    const after = await createAccount(t, { activatedAt: cst('2024-05-15T00:00:00') });
    await freeTrialJob.run(t.deps, before.id, t.clock.now());
    await freeTrialJob.run(t.deps, after.id, t.clock.now());
    const b = await trialPacks(before.id);
    const c = await trialPacks(after.id);
    expect(b.map((p) => p.label)).not.toContain('photo.v2');
    expect(c.map((p) => p.label)).toContain('photo.v2');
    // Granted 2024-05-15 00:30, so they expired on 2025-05-15 00:30: delivered already expired.
    const p = c[0];
    expect(p?.acquiredAt.toISOString()).toBe(cst('2024-05-15T00:30:00').toISOString());
    expect(p?.status).toBe('expired');
  });

  it('R3.4 the seeded demo account already had its trial: the activation grant is not repeated', async () => {
    const before = await trialPacks('acct_demo');
    expect(await freeTrialJob.run(t.deps, 'acct_demo', t.clock.now())).toEqual([]);
    expect(await trialPacks('acct_demo')).toHaveLength(before.length);
  });

  it('R3.4 eid.authority is granted 30 minutes after the first eID merchant approval (simulated endpoint), once', async () => {
    const demo = await t.login('demo@example.com');
    const viewer = await t.login('viewer@example.com');
    expect((await viewer.post('/api/v1/account/eid-merchant')).status).toBe(403);
    const r1 = await json<{ eidApprovedAt: string; trialGrantDueAt: string; firstApproval: boolean }>(
      await demo.post('/api/v1/account/eid-merchant'),
    );
    expect(r1).toEqual({
      eidApprovedAt: '2026-11-20T10:00:00+08:00',
      trialGrantDueAt: '2026-11-20T10:30:00+08:00',
      firstApproval: true,
    });
    t.clock.advance(5 * MIN);
    const r2 = await json<{ eidApprovedAt: string; firstApproval: boolean }>(
      await demo.post('/api/v1/account/eid-merchant'),
    );
    expect(r2).toMatchObject({ eidApprovedAt: r1.eidApprovedAt, firstApproval: false });

    expect(await freeTrialJob.run(t.deps, 'acct_demo', t.clock.now())).toEqual([]);
    t.clock.set('2026-11-20T10:30:00+08:00');
    const h = await freeTrialJob.run(t.deps, 'acct_demo', t.clock.now());
    expect(h.map((x) => x.detail)).toEqual([{ grant: 'eid', labels: ['eid.authority'] }]);
    const eid = (await trialPacks('acct_demo')).filter((p) => p.label === 'eid.authority');
    expect(eid).toHaveLength(1);
    expect(eid[0]).toMatchObject({ source: 'gift', total: 100 });
    expect(eidTrialLabels([...(await catalogMap(t.deps.db)).values()]).map((l) => l.code)).toEqual(['eid.authority']);
    expect(await freeTrialJob.run(t.deps, 'acct_demo', t.clock.now())).toEqual([]);
  });

  it('R3.4 + R4.3 a trial pack delivered on day D also covers that label’s unsettled postpaid calls made earlier that day', async () => {
    const activatedAt = new Date(t.clock.now().getTime() - 40 * MIN);
    const a = await createAccount(t, { activatedAt });
    const at = new Date(activatedAt.getTime() + 5 * MIN);
    await t.deps.db.insert(usageEvents).values({
      accountId: a.id,
      eventId: 'before-trial',
      label: 'basic.selfie',
      resourceId: a.resources[0],
      result: 'success',
      occurredAt: at,
      day: '2026-11-20',
      outcome: 'postpaid',
      receivedAt: at,
    });
    await freeTrialJob.run(t.deps, a.id, t.clock.now());
    const [e] = await t.deps.db.select().from(usageEvents).where(eq(usageEvents.accountId, a.id));
    expect(e).toMatchObject({ outcome: 'pack', rule: 'covered_on_delivery' });
    const [p] = await t.deps.db
      .select()
      .from(packs)
      .where(eq(packs.id, e?.packId ?? 0n));
    expect(p).toMatchObject({ label: 'basic.selfie', source: 'gift', used: 1 });
  });
});
