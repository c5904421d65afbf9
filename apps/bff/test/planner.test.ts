import { addDays } from '@idv/billing';
import type { Explanation, PackForecast, PlannerResponse } from '@idv/contracts';
import { accounts, charges, resources } from '@idv/db';
import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settlePeriod } from '../src/use-cases/settlement/settle-period.ts';
import { type Client, json, useLogin, useTestApp } from './harness.ts';
import { customer } from './money-fixtures.ts';
import { addPack, createAccount, cst, type Ev, ev, ingestOk, type Outcome } from './usage-fixtures.ts';

// The test clock: 2026-11-20 10:00 CST (harness T0).
const TODAY = '2026-11-20';
const t = useTestApp();
const demo = useLogin(t, 'demo@example.com');

/** The planner refuses an unknown label (400 UNKNOWN_LABEL) and answers 401 without a session. */
async function unknownLabelAndNoSession(unknownQuery: string, validQuery: string): Promise<void> {
  const res = await demo.get(`/api/v1/planner?${unknownQuery}`);
  expect(res.status).toBe(400);
  expect((await json(res)).code).toBe('UNKNOWN_LABEL');
  expect((await t.anon.get(`/api/v1/planner?${validQuery}`)).status).toBe(401);
}

const plan = async (qs: string) => {
  const res = await demo.get(`/api/v1/planner?${qs}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return json<PlannerResponse>(res);
};
const packsOf = (p: { packs: { size: number; quantity: number }[] }) => p.packs.map((l) => [l.size, l.quantity]);

describe('GET /api/v1/planner (R5.4 through the API)', () => {
  it('R5.4 300,000 calls a year of enhanced.authority.wechat: 200,000 + 100,000 = 280,000.00 beats 3 × 100,000', async () => {
    const r = await plan('label=enhanced.authority.wechat&calls=300000');
    expect(packsOf(r.best)).toEqual([
      [200_000, 1],
      [100_000, 1],
    ]);
    expect(r.best.postpaidCalls).toBe(0);
    expect(r.best.total).toBe('280000.00');
    expect(r.allPostpaid.total).toBe('360000.00');
    expect(r.best.saving).toBe('80000.00');
    expect(r.best.savingPercent).toBe('22.22');
    const byHand = r.alternatives.find((a) => a.strategy === 'byHand');
    expect(byHand && packsOf(byHand)).toEqual([[500_000, 1]]);
    expect(byHand?.total).toBe('400000.00');
    expect(byHand?.saving).toBe('-40000.00');
  });

  it('R5.4 15,000 calls in a month: 10,000 + 5,000 postpaid is 17,000.00; the planner finds 16,750.00', async () => {
    const r = await plan('label=enhanced.authority.wechat&months=15000');
    expect(r.forecast).toEqual({ kind: 'months', months: [15_000] });
    expect(r.best.total).toBe('16750.00');
    expect(packsOf(r.best)).toEqual([
      [10_000, 1],
      [1_000, 5],
    ]);
    const tierPlus = r.alternatives.find((a) => a.strategy === 'tierPlusPostpaid');
    expect(tierPlus?.postpaidCalls).toBe(5_000);
    expect(tierPlus?.total).toBe('17000.00');
  });

  it('R3.2 a 13-month forecast is planned as two validity windows', async () => {
    const r = await plan(`label=enhanced.authority.wechat&months=${Array(13).fill(10_000).join(',')}`);
    expect(r.windows.map((w) => [w.firstMonth, w.lastMonth, w.calls])).toEqual([
      [0, 11, 120_000],
      [12, 12, 10_000],
    ]);
    expect(r.calls).toBe(130_000);
    expect(r.best.total).toBe(
      (Number.parseInt(r.windows[0]?.best.total ?? '0', 10) + Number.parseInt(r.windows[1]?.best.total ?? '0', 10))
        .toFixed(2)
        .toString(),
    );
  });

  it('R1.1 a postpaid-only label; R1.2 money as decimal strings', async () => {
    const r = await plan('label=risk.face&calls=1000');
    expect(r.best.packs).toEqual([]);
    expect(r.best.total).toBe('3.50');
    expect(r.unitPrice).toBe('0.0035');
  });

  it.each([
    ['no forecast', 'label=basic.selfie'],
    ['calls and months', 'label=basic.selfie&calls=1&months=1'],
    ['negative calls', 'label=basic.selfie&calls=-1'],
    ['fractional calls', 'label=basic.selfie&calls=1.5'],
    ['text calls', 'label=basic.selfie&calls=lots'],
    ['too many calls', 'label=basic.selfie&calls=100000001'],
    ['25 months', `label=basic.selfie&months=${Array(25).fill(1).join(',')}`],
    ['bad month list', 'label=basic.selfie&months=1,,2'],
    ['no label', 'calls=10'],
    ['unknown parameter', 'label=basic.selfie&calls=1&x=1'],
  ])('bad input (%s) is 400 INVALID_REQUEST with the fields', async (_n, qs) => {
    const res = await demo.get(`/api/v1/planner?${qs}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    const p = await json<{ code: string; errors: unknown[] }>(res);
    expect(p.code).toBe('INVALID_REQUEST');
    expect(p.errors.length).toBeGreaterThan(0);
  });

  it('an unknown label is 400 UNKNOWN_LABEL; no session is 401', () =>
    unknownLabelAndNoSession('label=no.such&calls=1', 'label=basic.selfie&calls=1'));
});

describe('GET /api/v1/planner?source=history: plan from the last 30 days, minus what the packs cover', () => {
  const LABEL = 'identity.basic';
  /** `perDay` billable calls of LABEL on each of the 30 days before `today`, through the ingest API. */
  async function flatHistory(a: { id: string; key: string }, perDay: number, today = TODAY) {
    const [resource] = await t.deps.db.select().from(resources).where(eq(resources.accountId, a.id));
    const events: Ev[] = [];
    for (let d = 1; d <= 30; d++) {
      const day = addDays(today, -d);
      for (let i = 0; i < perDay; i++) {
        events.push(ev(`h-${d}-${i}`, LABEL, resource?.id ?? '', `${day}T09:${String(i).padStart(2, '0')}:00+08:00`));
      }
    }
    for (let i = 0; i < events.length; i += 1000) {
      const out = await ingestOk(t, a.key, events.slice(i, i + 1000));
      expect(out.every((o) => o.outcome === 'postpaid' || o.outcome === 'pack')).toBe(true);
    }
  }
  const planOf = async (c: Client, qs: string) => {
    const res = await c.get(`/api/v1/planner?${qs}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return json<PlannerResponse>(res);
  };
  const monthRows = (r: PlannerResponse) =>
    r.history?.months.map((m) => [m.month, m.from, m.to, m.projectedCalls, m.coveredByPacks, m.toPlan]);

  it('a flat history of 20 calls a day and no pack: each month to plan is its days × 20', async () => {
    const a = await customer(t);
    await flatHistory(a, 20);
    const r = await planOf(a.c, `label=${LABEL}&source=history&horizonMonths=3`);
    // Month i: today's date + i months (inclusive) to the day before + (i + 1) months.
    expect(monthRows(r)).toEqual([
      [0, '2026-11-20', '2026-12-19', 600, 0, 600],
      [1, '2026-12-20', '2027-01-19', 620, 0, 620],
      [2, '2027-01-20', '2027-02-19', 620, 0, 620],
    ]);
    expect(r.history).toMatchObject({
      today: TODAY,
      horizonMonths: 3,
      historyDays: 30,
      historyCalls: 600,
      trendPerDay: '0.00',
      projectedCalls: 1_840,
      coveredByPacks: 0,
      toPlan: 1_840,
    });
    expect(r.history?.method).toMatch(/subtracted/);
    expect(r.history?.methodZh).toMatch(/扣除现有资源包/);
    // The plan is made for exactly those months.
    expect(r.forecast).toEqual({ kind: 'history', months: [600, 620, 620] });
    expect(r.calls).toBe(1_840);
    expect(r.windows.map((w) => [w.firstMonth, w.lastMonth, w.calls])).toEqual([[0, 2, 1_840]]);
    // identity.basic: a 1,000 pack (300.00) costs what 1,000 postpaid calls cost (0.3): no pack beats postpaid.
    expect(r.best.packs).toEqual([]);
    expect(r.best.total).toBe('552.00');

    // Default horizon: 12 months, 2026-11-20 … 2027-11-19 = 365 days × 20.
    const year = await planOf(a.c, `label=${LABEL}&source=history`);
    expect(year.history?.horizonMonths).toBe(12);
    expect(year.history?.months).toHaveLength(12);
    expect(year.history?.months.at(-1)).toMatchObject({ from: '2027-10-20', to: '2027-11-19' });
    expect(year.calls).toBe(7_300);
    // 7,300 calls: 7 × 1,000 or postpaid cost the same; the 10,000 pack (2,800.00) does not pay off.
    expect(year.best.total).toBe('2190.00');
    // Typed-in requests are unchanged: no history object.
    expect((await planOf(a.c, `label=${LABEL}&calls=7300`)).history).toBeNull();
  });

  it("R4.2 an active pack's remaining (500 − 100 used = 400) is subtracted from the first month", async () => {
    const a = await customer(t);
    await flatHistory(a, 20);
    await addPack(t, a.id, {
      label: LABEL,
      total: 500,
      used: 100,
      acquiredAt: cst('2026-11-01T09:00:00'),
      price: '300',
    });
    // Another label's pack does not count.
    await addPack(t, a.id, { label: 'basic.selfie', total: 5_000, acquiredAt: cst('2026-11-01T09:00:00') });
    const r = await planOf(a.c, `label=${LABEL}&source=history&horizonMonths=2`);
    expect(monthRows(r)).toEqual([
      [0, '2026-11-20', '2026-12-19', 600, 400, 200],
      [1, '2026-12-20', '2027-01-19', 620, 0, 620],
    ]);
    expect(r.history).toMatchObject({ projectedCalls: 1_220, coveredByPacks: 400, toPlan: 820 });
    expect(r.forecast.months).toEqual([200, 620]);
    expect(r.calls).toBe(820);
  });

  it('with a history big enough, the plan buys packs for what the packs do not cover', async () => {
    const a = await customer(t);
    await flatHistory(a, 60);
    await addPack(t, a.id, { label: LABEL, total: 1_000, acquiredAt: cst('2026-11-01T09:00:00'), price: '300' });
    const r = await planOf(a.c, `label=${LABEL}&source=history`);
    // 365 days × 60 = 21,900 projected; the pack covers 1,000; 20,900 to plan.
    expect(r.history).toMatchObject({ projectedCalls: 21_900, coveredByPacks: 1_000, toPlan: 20_900 });
    expect(r.calls).toBe(20_900);
    // 2 × 10,000 = 5,600.00 + 900 postpaid × 0.3 = 270.00 → 5,870.00 (all postpaid 6,270.00).
    expect(packsOf(r.best)).toEqual([[10_000, 2]]);
    expect(r.best.total).toBe('5870.00');
    expect(r.allPostpaid.total).toBe('6270.00');
  });

  it('R9.3 a demo tenant is planned at its simulated clock, not the real one', async () => {
    const a = await customer(t);
    await t.deps.db
      .update(accounts)
      .set({ isDemo: true, simulatedNow: cst('2026-12-10T10:00:00') })
      .where(eq(accounts.id, a.id));
    // 20 calls a day on the 30 days before the simulated today (2026-11-10 … 2026-12-09).
    await flatHistory(a, 20, '2026-12-10');
    const r = await planOf(a.c, `label=${LABEL}&source=history&horizonMonths=1`);
    expect(r.history).toMatchObject({ today: '2026-12-10', historyDays: 30, historyCalls: 600 });
    expect(monthRows(r)).toEqual([[0, '2026-12-10', '2027-01-09', 620, 0, 620]]);
  });

  it('R4.4 with postpaid off the calls that would be refused are planned too', async () => {
    const a = await customer(t);
    await flatHistory(a, 20);
    await t.deps.db.update(accounts).set({ postpaidEnabled: false }).where(eq(accounts.id, a.id));
    const r = await planOf(a.c, `label=${LABEL}&source=history&horizonMonths=1`);
    expect(monthRows(r)).toEqual([[0, '2026-11-20', '2026-12-19', 600, 0, 600]]);
  });

  it("R9.1 only the caller's account is read: another account's usage and packs never count", async () => {
    const busy = await customer(t);
    await flatHistory(busy, 20);
    await addPack(t, busy.id, { label: LABEL, total: 300, acquiredAt: cst('2026-11-01T09:00:00'), price: '300' });
    const quiet = await customer(t);
    await addPack(t, quiet.id, { label: LABEL, total: 5_000, acquiredAt: cst('2026-11-01T09:00:00'), price: '1400' });

    const mine = await planOf(busy.c, `label=${LABEL}&source=history&horizonMonths=1`);
    expect(mine.history).toMatchObject({ historyCalls: 600, projectedCalls: 600, coveredByPacks: 300, toPlan: 300 });
    const theirs = await planOf(quiet.c, `label=${LABEL}&source=history&horizonMonths=1`);
    expect(theirs.history).toMatchObject({ historyCalls: 0, projectedCalls: 0, coveredByPacks: 0, toPlan: 0 });
    expect(theirs.history?.method).toMatch(/no calls of this label/);
    expect(theirs.best.packs).toEqual([]);
    expect(theirs.calls).toBe(0);
    // No parameter selects another account.
    const res = await quiet.c.get(`/api/v1/planner?label=${LABEL}&source=history&accountId=${busy.id}`);
    expect(res.status).toBe(400);
    // Staff must impersonate an account first.
    const agent = await t.login('agent@example.com');
    expect((await agent.get(`/api/v1/planner?label=${LABEL}&source=history`)).status).toBe(403);
  });

  it.each([
    ['source=history with calls', 'source=history&calls=1000'],
    ['source=history with months', 'source=history&months=1,2'],
    ['an unknown source', 'source=guess'],
    ['horizonMonths 0', 'source=history&horizonMonths=0'],
    ['horizonMonths 13', 'source=history&horizonMonths=13'],
    ['fractional horizonMonths', 'source=history&horizonMonths=1.5'],
    ['text horizonMonths', 'source=history&horizonMonths=all'],
    ['horizonMonths without source', 'calls=1000&horizonMonths=3'],
    ['horizonMonths alone', 'horizonMonths=3'],
  ])('bad input (%s) is 400 INVALID_REQUEST with the fields', async (_n, qs) => {
    const res = await demo.get(`/api/v1/planner?label=${LABEL}&${qs}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    const p = await json<{ code: string; errors: { path: string }[] }>(res);
    expect(p.code).toBe('INVALID_REQUEST');
    expect(p.errors.length).toBeGreaterThan(0);
  });

  it('an unknown label is 400 UNKNOWN_LABEL; no session is 401', () =>
    unknownLabelAndNoSession('label=no.such&source=history', `label=${LABEL}&source=history`));
});

describe('GET /api/v1/packs/:id/forecast', () => {
  it('flat history of 100 calls a day: a pack with 2,000 left runs out on today + 19', async () => {
    const a = await createAccount(t, { settledThrough: null });
    const owner = await t.login('demo@example.com');
    const packId = await addPack(t, a.id, {
      label: 'basic.selfie',
      total: 5_000,
      acquiredAt: cst('2026-10-01T09:00:00'),
      price: '1450.00',
    });
    // 100 billable calls on each of the last 30 days (R4.2: all from the one pack).
    const events: Ev[] = [];
    for (let d = 1; d <= 30; d++) {
      const day = addDays(TODAY, -d);
      for (let i = 0; i < 100; i++) {
        const hm = `${String(8 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
        events.push(ev(`f-${d}-${i}`, 'basic.selfie', a.resources[0], `${day}T${hm}:00+08:00`));
      }
    }
    for (let i = 0; i < events.length; i += 1000) await ingestOk(t, a.key, events.slice(i, i + 1000));
    // The demo owner cannot see this account's pack.
    expect((await owner.get(`/api/v1/packs/${packId}/forecast`)).status).toBe(404);

    const f = await forecastAs(a.id, packId);
    expect(f.remaining).toBe(2_000);
    expect(f.historyDays).toBe(30);
    expect(f.trendPerDay).toBe('0.00');
    expect(f.runOutDate).toBe(addDays(TODAY, 19));
    expect(f.expiringUnused).toBe(0);
    expect(f.postpaidFrom).toBe(addDays(TODAY, 20));
    expect(f.method).toMatch(/weekday/);
    expect(f.methodZh).toMatch(/星期/);
    // Actual points: remaining went down by 100 a day; projected points continue from there.
    const yesterday = f.points.find((p) => p.date === addDays(TODAY, -1));
    expect(yesterday).toMatchObject({ actual: true, labelCalls: 100, remaining: 2_000 });
    expect(f.points.find((p) => p.date === addDays(TODAY, -30))).toMatchObject({ remaining: 4_900 });
    expect(f.points.find((p) => p.date === TODAY)).toMatchObject({ actual: false, labelCalls: 100, remaining: 1_900 });
    // Postpaid after run-out at 0.15 a call until the horizon (the pack's expiry, 2027-10-01).
    expect(f.horizon).toBe('2027-10-01');
    const days = f.points.filter((p) => !p.actual && p.date >= addDays(TODAY, 20)).length;
    expect(f.postpaidCalls).toBe(days * 100);
    expect(f.postpaidSpend).toBe(((days * 100 * 15) / 100).toFixed(2));
  });

  it('a pack of the seeded demo account without usage expires with all its calls', async () => {
    const list = await json<{ items: { id: string; label: string; status: string }[] }>(
      await demo.get('/api/v1/packs?label=enhanced.authority.wechat&status=active'),
    );
    const p = list.items[0];
    expect(p).toBeDefined();
    const res = await demo.get(`/api/v1/packs/${p?.id}/forecast`);
    expect(res.status).toBe(200);
    const f = await json<PackForecast>(res);
    expect(f.runOutDate).toBeNull();
    expect(f.expiringUnused).toBe(f.remaining);
  });

  it("another account's pack or no such pack is 404; a malformed id is 400", async () => {
    const other = await t.login('other@example.com');
    const mine = await json<{ items: { id: string }[] }>(await demo.get('/api/v1/packs'));
    expect((await other.get(`/api/v1/packs/${mine.items[0]?.id}/forecast`)).status).toBe(404);
    expect((await demo.get('/api/v1/packs/999999999/forecast')).status).toBe(404);
    expect((await demo.get('/api/v1/packs/abc/forecast')).status).toBe(400);
  });
});

/** Fixture accounts have no users to sign in as: call the use case the route calls. */
async function forecastAs(accountId: string, packId: bigint): Promise<PackForecast> {
  const { forecastPack } = await import('../src/use-cases/packs/forecast-pack.ts');
  return forecastPack(t.deps, accountId, packId);
}

describe('GET /api/v1/explain: the recorded deductions, never recomputed', () => {
  it('bad input is 400: none or two of packId/date/chargeId, label without date, malformed values', async () => {
    for (const qs of ['', 'packId=1&date=2026-11-20', 'label=basic.selfie', 'date=2026-13-45x', 'chargeId=abc']) {
      const res = await demo.get(`/api/v1/explain?${qs}`);
      expect(res.status, qs).toBe(400);
      expect((await json(res)).code).toBe('INVALID_REQUEST');
    }
  });

  it("another account's pack or charge is 404", async () => {
    const other = await t.login('other@example.com');
    const mine = await json<{ items: { id: string }[] }>(await demo.get('/api/v1/packs'));
    expect((await other.get(`/api/v1/explain?packId=${mine.items[0]?.id}`)).status).toBe(404);
    const [c] = await t.deps.db.select({ id: charges.id }).from(charges).where(eq(charges.accountId, 'acct_demo'));
    expect(c).toBeDefined();
    expect((await other.get(`/api/v1/explain?chargeId=${c?.id}`)).status).toBe(404);
    expect((await demo.get(`/api/v1/explain?chargeId=${c?.id}`)).status).toBe(200);
  });

  it('R4.2/R4.3/R4.4 names the rule of each group: gift first, earliest expiry, postpaid, covered on delivery', async () => {
    const a = await createAccount(t, { settledThrough: '2026-11-19' });
    const gift = await addPack(t, a.id, {
      label: 'identity.basic',
      total: 2,
      source: 'gift',
      acquiredAt: cst('2026-11-01T09:00:00'),
    });
    const early = await addPack(t, a.id, {
      label: 'identity.basic',
      total: 2,
      acquiredAt: cst('2026-11-02T09:00:00'),
      expiresAt: cst('2027-01-01T00:00:00'),
      price: '300.00',
    });
    const late = await addPack(t, a.id, {
      label: 'identity.basic',
      total: 1,
      acquiredAt: cst('2026-11-01T09:00:00'),
      price: '300.00',
    });
    const at = (m: number) => `${TODAY}T08:${String(m).padStart(2, '0')}:00+08:00`;
    const out = await ingestOk(
      t,
      a.key,
      Array.from({ length: 7 }, (_, i) => ev(`x${i}`, 'identity.basic', a.resources[0], at(i))),
    );
    expect(out.map((o) => o.outcome)).toEqual(['pack', 'pack', 'pack', 'pack', 'pack', 'postpaid', 'postpaid']);
    const day = await json<Explanation>(await explainAs(a.id, `date=${TODAY}&label=identity.basic`));
    const byRule = Object.fromEntries(day.groups.map((g) => [`${g.rule}:${g.packId ?? '-'}`, g.calls]));
    expect(byRule).toEqual({
      [`gift_first:${gift}`]: 2,
      [`earliest_expiry:${early}`]: 2,
      [`only_pack:${late}`]: 1,
      'postpaid_no_pack:-': 2,
    });
    const texts = day.groups.map((g) => g.explanation);
    expect(texts).toContain('gift pack first (R4.2)');
    expect(texts).toContain('postpaid: all packs exhausted (R4.4)');
    expect(day.totalCalls).toBe(7);
    const pack = await json<Explanation>(await explainAs(a.id, `packId=${gift}`));
    expect(pack.scope).toMatchObject({ kind: 'pack', packId: String(gift), label: 'identity.basic' });
    expect(pack.groups.map((g) => [g.rule, g.calls])).toEqual([['gift_first', 2]]);
  });

  it('R5.1 a daily settlement line and its pack-deduction rows are traced to their events', async () => {
    const a = await createAccount(t, { settledThrough: '2026-11-18' });
    await addPack(t, a.id, { label: 'identity.basic', total: 3, acquiredAt: cst('2026-11-01T09:00:00'), price: '1' });
    const yesterday = '2026-11-19';
    await ingestOk(
      t,
      a.key,
      Array.from({ length: 8 }, (_, i) =>
        ev(
          `s${i}`,
          'identity.basic',
          i % 2 === 0 ? a.resources[0] : a.resources[1],
          `${yesterday}T1${i}:00:00+08:00`,
          i === 7 ? 'timeout' : 'success',
        ),
      ),
    );
    await settlePeriod(t.deps, a.id, { kind: 'daily', day: yesterday });
    const lines = await t.deps.db
      .select()
      .from(charges)
      .where(and(eq(charges.accountId, a.id), eq(charges.month, '2026-11')));
    const settled = lines.filter(
      (l) => l.transactionType === 'daily_settlement' || l.transactionType === 'pack_deduction',
    );
    expect(settled.length).toBeGreaterThan(1);
    for (const line of settled) {
      const e = await json<Explanation>(await explainAs(a.id, `chargeId=${line.id}`));
      expect(e.charge?.eventsMatch, `${line.transactionType} ${line.resourceId}`).toBe(true);
      expect(e.totalCalls).toBe(line.quantity);
      expect(e.scope).toMatchObject({ kind: 'charge', from: yesterday, to: yesterday });
      const want = line.transactionType === 'pack_deduction' ? 'pack' : 'postpaid';
      expect(e.groups.every((g) => g.outcome === want && g.label === 'identity.basic')).toBe(true);
    }
    const purchase = lines.find((l) => l.transactionType === 'purchase');
    const p = await json<Explanation>(await explainAs(a.id, `chargeId=${purchase?.id}`));
    expect(p.totalCalls).toBe(3);
  });
});

/** Explain for a fixture account (sessions belong to seeded users; the use case is what the route calls). */
async function explainAs(accountId: string, qs: string): Promise<Response> {
  const { explainDeductions } = await import('../src/use-cases/usage/explain-deductions.ts');
  const { ExplainQuery } = await import('@idv/contracts');
  const q = ExplainQuery.parse(Object.fromEntries(new URLSearchParams(qs)));
  return new Response(JSON.stringify(await explainDeductions(t.deps, accountId, q)));
}

describe('explainer vs the recorded outcomes (random event streams through the API)', () => {
  const LABELS = ['enhanced.authority.wechat', 'basic.authority', 'identity.basic', 'risk.face', 'no.such.label'];
  const RESULTS = ['success', 'compare_mismatch', 'liveness_failed', 'invalid_request', 'internal_error', 'timeout'];
  const RESOURCES = ['res-kyc-prod', 'res-kyc-test', 'res-nowhere'];
  let run = 0;

  it('for every random stream, the day and pack explanations change by exactly the ingest outcomes', async () => {
    const owner = await t.login('demo@example.com');
    const keyRes = await owner.post('/api/v1/service-keys', { name: 'explainer-property' });
    expect(keyRes.status).toBe(201);
    const { key } = await json<{ key: string }>(keyRes);
    const stream = fc.array(
      fc.record({
        label: fc.constantFrom(...LABELS),
        result: fc.constantFrom(...RESULTS),
        resource: fc.constantFrom(...RESOURCES),
        minute: fc.integer({ min: 0, max: 599 }),
        dup: fc.boolean(),
      }),
      { minLength: 1, maxLength: 120 },
    );
    await fc.assert(
      fc.asyncProperty(stream, fc.boolean(), async (list, postpaid) => {
        run += 1;
        expect((await owner.patch('/api/v1/account', { postpaidEnabled: postpaid })).status).toBe(200);
        const events: Ev[] = [];
        list.forEach((e, i) => {
          const id = e.dup && i > 0 ? `p${run}-${i - 1}` : `p${run}-${i}`;
          const hh = String(Math.floor(e.minute / 60)).padStart(2, '0');
          const mm = String(e.minute % 60).padStart(2, '0');
          events.push(ev(id, e.label, e.resource, `${TODAY}T${hh}:${mm}:00+08:00`, e.result));
        });
        const before = await json<Explanation>(await owner.get(`/api/v1/explain?date=${TODAY}`));
        const res = await t.app.request('http://localhost/api/v1/usage/events', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body: JSON.stringify({ events }),
        });
        expect(res.status).toBe(200);
        const { outcomes } = await json<{ outcomes: Outcome[] }>(res);
        const after = await json<Explanation>(await owner.get(`/api/v1/explain?date=${TODAY}`));

        const expected = new Map<string, number>();
        outcomes.forEach((o, i) => {
          if (o.outcome === 'duplicate') return;
          const k = `${events[i]?.label}|${o.outcome}|${o.packId ?? '-'}|${o.code ?? '-'}`;
          expected.set(k, (expected.get(k) ?? 0) + 1);
        });
        const tally = (e: Explanation, sign: number, into: Map<string, number>) => {
          for (const g of e.groups) {
            const k = `${g.label}|${g.outcome}|${g.packId ?? '-'}|${g.code ?? '-'}`;
            into.set(k, (into.get(k) ?? 0) + sign * g.calls);
          }
        };
        const delta = new Map<string, number>();
        tally(after, 1, delta);
        tally(before, -1, delta);
        for (const [k, v] of delta) if (v === 0) delta.delete(k);
        expect(Object.fromEntries(delta)).toEqual(Object.fromEntries(expected));
        // Every group carries the rule ingest recorded, explained in words.
        for (const g of after.groups) {
          if (g.outcome === 'rejected') expect(g.rule).toBe(`rejected_${g.code?.toLowerCase()}`);
          if (g.outcome === 'free') expect(g.rule).toBe('not_billable');
          if (g.outcome === 'postpaid') expect(g.rule).toMatch(/^postpaid_no_pack$/);
          expect(g.explanation.length).toBeGreaterThan(0);
          expect(g.explanationZh.length).toBeGreaterThan(0);
        }
        // Per pack: the pack explanation grows by the calls ingest sent to it.
        const perPack = new Map<string, number>();
        for (const o of outcomes)
          if (o.outcome === 'pack' && o.packId) perPack.set(o.packId, (perPack.get(o.packId) ?? 0) + 1);
        for (const [packId, n] of perPack) {
          const e = await json<Explanation>(await owner.get(`/api/v1/explain?packId=${packId}`));
          const today = e.groups.filter((g) => g.lastAt.startsWith(TODAY)).length;
          expect(today).toBeGreaterThan(0);
          expect(e.totalCalls).toBeGreaterThanOrEqual(n);
        }
      }),
      { numRuns: 8 },
    );
    await owner.patch('/api/v1/account', { postpaidEnabled: true });
  });
});
