import { usageEvents } from '@idv/db';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { json, T0, useTestApp } from './harness.ts';
import { buy, customer } from './money-fixtures.ts';
import { addPack, cst, type Ev, ev, eventRow, ingestOk, packRow } from './usage-fixtures.ts';

// R4.3 one notion of pack validity (packages/billing validity.ts): a pack delivered on CST day D is
// valid from 00:00 CST of D through its expiry, whenever a call of D arrives. Runs on PGlite and, with
// DATABASE_URL, on PostgreSQL (the candidate-pack SQL bound is part of what is tested).
const t = useTestApp();

const D = '2026-11-20';
const at = (hms: string) => `${D}T${hms}+08:00`;
const LABEL = 'basic.selfie';

async function freshCustomer(settledThrough: string | null = '2026-11-19') {
  t.clock.set(T0);
  const a = await customer(t, { balances: { cash: '20000.00' }, settledThrough });
  const resources: [string, string] = [`res-${a.id}-a`, `res-${a.id}-b`];
  return { ...a, resources, buy: orderAtClock(a.email) };
}

/** Orders at the test clock's current time (signing in again: the clock may have moved past the session). */
function orderAtClock(email: string) {
  return async (body: Parameters<typeof buy>[1]) => buy(await t.login(email), body);
}

describe('R4.3 one validity rule at ingest', () => {
  it('R4.3 a late event dated 09:30 of day D that arrives after a 14:30 delivery on D is deducted from the pack', async () => {
    const a = await freshCustomer();
    t.clock.set(at('14:30:00'));
    const o = await a.buy({ label: LABEL, size: 1000, quantity: 1 });
    const packId = o.packs[0]?.id ?? '';
    t.clock.set(at('16:00:00'));
    const out = await ingestOk(t, a.key, [ev('late-0930', LABEL, a.resources[0], at('09:30:00'))]);
    expect(out).toEqual([{ id: 'late-0930', outcome: 'pack', packId }]);
    expect(await eventRow(t, a.id, 'late-0930')).toMatchObject({ outcome: 'pack', rule: 'delivered_same_day' });
    expect(await packRow(t, BigInt(packId))).toMatchObject({ used: 1 });
  });

  it('R4.3 a late event of day D−1 is not covered by a pack delivered on D (it is postpaid)', async () => {
    const a = await freshCustomer('2026-11-18');
    t.clock.set(at('00:00:05'));
    const o = await a.buy({ label: LABEL, size: 1000, quantity: 1 });
    t.clock.set(at('12:00:00'));
    const out = await ingestOk(t, a.key, [
      ev('dm1-late', LABEL, a.resources[0], '2026-11-19T23:59:59+08:00'),
      ev('d-early', LABEL, a.resources[0], at('00:00:00')),
    ]);
    expect(out).toEqual([
      { id: 'dm1-late', outcome: 'postpaid' },
      { id: 'd-early', outcome: 'pack', packId: o.packs[0]?.id },
    ]);
  });

  it('R4.2 R4.3 among all valid packs the R4.2 order applies: a late call goes to an older gift pack first', async () => {
    const a = await freshCustomer();
    const gift = await addPack(t, a.id, {
      label: LABEL,
      total: 2,
      source: 'gift',
      acquiredAt: cst('2026-11-05T11:00:00'),
    });
    t.clock.set(at('14:30:00'));
    const o = await a.buy({ label: LABEL, size: 1000, quantity: 1 });
    t.clock.set(at('15:00:00'));
    const out = await ingestOk(
      t,
      a.key,
      ['09:00:00', '09:01:00', '09:02:00'].map((h, i) => ev(`g${i}`, LABEL, a.resources[0], at(h))),
    );
    expect(out.map((x) => x.packId)).toEqual([gift.toString(), gift.toString(), o.packs[0]?.id]);
  });

  it('R4.3 the explainer names the rule: delivered later the same day (R4.3) and covered on delivery (R4.3)', async () => {
    const a = await freshCustomer();
    t.clock.set(at('09:00:00'));
    await ingestOk(t, a.key, [ev('before', LABEL, a.resources[0], at('08:00:00'))]);
    t.clock.set(at('14:30:00'));
    const o = await a.buy({ label: LABEL, size: 1000, quantity: 1 });
    t.clock.set(at('15:00:00'));
    await ingestOk(t, a.key, [ev('after', LABEL, a.resources[0], at('09:30:00'))]);
    const res = await (await t.login(a.email)).get(`/api/v1/explain?packId=${o.packs[0]?.id}`);
    expect(res.status).toBe(200);
    const x = await json<{ groups: { rule: string; ruleRef: string; calls: number; explanation: string }[] }>(res);
    const byRule = new Map(x.groups.map((g) => [g.rule, g]));
    expect(byRule.get('covered_on_delivery')).toMatchObject({ ruleRef: 'R4.3', calls: 1 });
    expect(byRule.get('delivered_same_day')).toMatchObject({ ruleRef: 'R4.3', calls: 1 });
    expect(byRule.get('delivered_same_day')?.explanation).toMatch(/later the same day.*00:00/);
  });
});

/** Per-day outcome counts of the label and the used count of each pack, named by role. */
async function figures(accountId: string, roles: Map<string, string>) {
  const rows = await t.deps.db.select().from(usageEvents).where(eq(usageEvents.accountId, accountId));
  const perDay: Record<string, number> = {};
  const perPack: Record<string, number> = {};
  for (const r of rows) {
    perDay[`${r.day}:${r.outcome}`] = (perDay[`${r.day}:${r.outcome}`] ?? 0) + 1;
    if (r.packId !== null) {
      const role = roles.get(r.packId.toString()) ?? 'unknown';
      perPack[role] = (perPack[role] ?? 0) + 1;
    }
  }
  const packs: Record<string, number> = {};
  for (const [id, role] of roles) packs[role] = (await packRow(t, BigInt(id))).used;
  return { perDay, perPack, packs };
}

/**
 * One arrival scenario: an existing purchase of 3 calls (bought 2026-11-10), a 1000-call purchase
 * delivered at 14:30 on D, and the day's events, a subset arriving before the delivery (clock 14:29)
 * in a given order, the rest after it (clock 15:00+) in a given order.
 */
async function scenario(events: readonly Ev[], before: readonly number[], after: readonly number[]) {
  const a = await freshCustomer();
  const old = await addPack(t, a.id, { label: LABEL, total: 3, acquiredAt: cst('2026-11-10T10:00:00') });
  const send = async (idx: readonly number[]) => {
    // In small batches, so arrival order inside a side matters as it would on the wire.
    for (let i = 0; i < idx.length; i += 2) {
      const batch = idx.slice(i, i + 2).map((k) => {
        const e = events[k];
        if (!e) throw new Error('no event');
        return { ...e, resourceId: a.resources[0] };
      });
      await ingestOk(t, a.key, batch);
    }
  };
  t.clock.set(at('14:29:00'));
  await send(before);
  t.clock.set(at('14:30:00'));
  const o = await a.buy({ label: LABEL, size: 1000, quantity: 1 });
  t.clock.set(at('15:00:00'));
  await send(after);
  const roles = new Map([
    [old.toString(), 'existing'],
    [o.packs[0]?.id ?? '', 'delivered'],
  ]);
  return figures(a.id, roles);
}

describe('R4.3 arrival order does not change who pays', () => {
  // The day's calls: 9 billable between 00:00 and 14:00, plus 2 non-billable.
  const events: Ev[] = [
    ...['00:00:00', '01:15:00', '03:00:00', '06:45:00', '08:00:00', '09:30:00', '11:00:00', '12:59:59', '14:00:00'].map(
      (h, i) => ev(`c${i}`, LABEL, 'res', at(h)),
    ),
    ev('f0', LABEL, 'res', at('07:00:00'), 'timeout'),
    ev('f1', LABEL, 'res', at('13:00:00'), 'internal_error'),
  ];
  const all = events.map((_, i) => i);

  it('R4.3 all events of day D before the delivery or all after it give the same counts per day and per pack', async () => {
    const allBefore = await scenario(events, all, []);
    const allAfter = await scenario(events, [], all);
    // 3 on the older pack (R4.2: it expires first), 6 on the new one, nothing postpaid, 2 free.
    expect(allBefore.packs).toEqual({ existing: 3, delivered: 6 });
    expect(allBefore.perDay).toEqual({ [`${D}:pack`]: 9, [`${D}:free`]: 2 });
    expect(allAfter).toEqual(allBefore);
  });

  it('R4.3 property: any split before/after the delivery and any arrival order give the same counts', async () => {
    const reference = await scenario(events, all, []);
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(all, { minLength: 0, maxLength: all.length }),
        fc.array(fc.nat(), { minLength: all.length, maxLength: all.length }),
        async (beforeSet, keys) => {
          const order = [...all].sort((x, y) => (keys[x] ?? 0) - (keys[y] ?? 0) || x - y);
          const inBefore = new Set(beforeSet);
          const r = await scenario(
            events,
            order.filter((i) => inBefore.has(i)),
            order.filter((i) => !inBefore.has(i)),
          );
          expect(r).toEqual(reference);
        },
      ),
      { numRuns: 8 },
    );
  });
});

describe('R4.3 the forecast and the planner treat a pack delivered today as covering today', () => {
  async function withHistory() {
    const a = await freshCustomer(null);
    // 20 calls a day on the 10 days before D (postpaid: no pack), and 5 calls today before 10:00.
    t.clock.set(at('10:00:00'));
    const past: Ev[] = [];
    for (let d = 10; d <= 19; d++) {
      for (let i = 0; i < 20; i++)
        past.push(ev(`h${d}-${i}`, LABEL, a.resources[0], `2026-11-${d}T09:${String(i).padStart(2, '0')}:00+08:00`));
    }
    await ingestOk(t, a.key, past);
    await ingestOk(
      t,
      a.key,
      [0, 1, 2, 3, 4].map((i) => ev(`today-${i}`, LABEL, a.resources[0], at(`09:0${i}:00`))),
    );
    return a;
  }

  it('R4.3 the planner counts today’s calls that already went postpaid: a pack bought now covers them', async () => {
    const a = await withHistory();
    t.clock.set(at('14:00:00'));
    const c = await t.login(a.email);
    const res = await c.get(`/api/v1/planner?label=${LABEL}&source=history&horizonMonths=1`);
    expect(res.status).toBe(200);
    const p = await json<{
      history: {
        toPlan: number;
        method: string;
        months: { projectedCalls: number; coveredByPacks: number; toPlan: number }[];
      };
    }>(res);
    const m0 = p.history.months[0];
    expect(p.history.method).toMatch(/5 calls already made today that went to postpaid/);
    expect(m0?.projectedCalls).toBe((m0?.coveredByPacks ?? 0) + (m0?.toPlan ?? 0));
    // Once a pack is bought, today's calls are on it: nothing of today is planned twice.
    t.clock.set(at('14:30:00'));
    const o = await a.buy({ label: LABEL, size: 1000, quantity: 1 });
    expect(o.packs[0]).toMatchObject({ used: 5 });
    const after = await json<{ history: { method: string; months: { toPlan: number }[] } }>(
      await (await t.login(a.email)).get(`/api/v1/planner?label=${LABEL}&source=history&horizonMonths=1`),
    );
    expect(after.history.method).not.toMatch(/already made today/);
  });

  it('R4.3 the forecast of a pack delivered today takes today’s projected calls from it', async () => {
    const a = await withHistory();
    t.clock.set(at('14:30:00'));
    const o = await a.buy({ label: LABEL, size: 1000, quantity: 1 });
    const f = await json<{
      today: string;
      remaining: number;
      postpaidFrom: string | null;
      points: { date: string; actual: boolean; labelCalls: number; remaining: number }[];
    }>(await (await t.login(a.email)).get(`/api/v1/packs/${o.packs[0]?.id}/forecast`));
    expect(f.today).toBe(D);
    expect(f.remaining).toBe(995);
    const today = f.points.find((x) => x.date === D && !x.actual);
    expect(today).toBeDefined();
    // The rest of today's projected calls come off the new pack (delivered at 14:30), none go postpaid.
    expect(today?.labelCalls).toBeGreaterThan(0);
    expect(today?.remaining).toBe(995 - (today?.labelCalls ?? 0));
    expect(f.postpaidFrom === null || f.postpaidFrom > D).toBe(true);
  });
});
