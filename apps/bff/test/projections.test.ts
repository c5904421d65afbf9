import { addDays } from '@idv/billing';
import type { PackForecast, PackProjections } from '@idv/contracts';
import { users } from '@idv/db';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashPassword } from '../src/use-cases/auth/sign-in.ts';
import { type Client, createTestApp, json, type TestApp } from './harness.ts';
import { type AccountFixture, addPack, createAccount, cst, type Ev, ev, ingestOk } from './usage-fixtures.ts';

// Counts the label forecasts the endpoint computes (one per distinct label, not one per pack).
const spy = vi.hoisted(() => ({ forecasts: 0 }));
vi.mock('@idv/billing', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@idv/billing')>();
  return {
    ...actual,
    forecastLabel: (...args: Parameters<typeof actual.forecastLabel>) => {
      spy.forecasts++;
      return actual.forecastLabel(...args);
    },
  };
});

// The test clock: 2026-11-20 10:00 CST (harness T0).
const TODAY = '2026-11-20';
let t: TestApp;
let demo: Client;
let a: AccountFixture;
let customer: Client;
/** Packs of the fixture account (see beforeAll). */
const P = { gift: 0n, earliest: 0n, later: 0n, slow: 0n, exhausted: 0n };

const projections = async (c: Client, ids: readonly (string | bigint)[]) => {
  const res = await c.get(`/api/v1/packs/projections?ids=${ids.join(',')}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return json<PackProjections>(res);
};
const forecast = async (c: Client, id: string | bigint) => {
  const res = await c.get(`/api/v1/packs/${id}/forecast`);
  expect(res.status).toBe(200);
  return json<PackForecast>(res);
};

/** `perDay` billable calls of `label` on each of the 30 days before today. */
async function history(label: string, perDay: number, prefix: string) {
  const events: Ev[] = [];
  for (let d = 1; d <= 30; d++) {
    const day = addDays(TODAY, -d);
    for (let i = 0; i < perDay; i++) {
      const hm = `${String(8 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
      events.push(ev(`${prefix}-${d}-${i}`, label, a.resources[0], `${day}T${hm}:00+08:00`));
    }
  }
  for (let i = 0; i < events.length; i += 1000) await ingestOk(t, a.key, events.slice(i, i + 1000));
}

beforeAll(async () => {
  t = await createTestApp();
  demo = await t.login('demo@example.com');

  // A fresh account with a viewer to sign in as (any role of the account may ask).
  a = await createAccount(t, { settledThrough: null });
  await t.deps.db.insert(users).values({
    id: `usr_${a.id}`,
    email: `proj-${a.id}@example.com`,
    name: 'Projection viewer',
    passwordHash: await hashPassword('proj-pass-2026'),
    kind: 'customer',
    roles: ['viewer'],
    accountId: a.id,
  });
  customer = await t.login(`proj-${a.id}@example.com`, 'proj-pass-2026');

  // History first (no packs yet: it went to postpaid, still billable demand), then the packs.
  await history('basic.selfie', 100, 's');
  await history('identity.basic', 10, 'i');
  // R4.2 order for basic.selfie: the gift pack first although it expires last, then the earliest expiry.
  P.later = await addPack(t, a.id, { label: 'basic.selfie', total: 1_000, acquiredAt: cst('2026-10-01T09:00:00') });
  P.gift = await addPack(t, a.id, {
    label: 'basic.selfie',
    total: 500,
    source: 'gift',
    acquiredAt: cst('2026-11-01T11:00:00'),
  });
  P.earliest = await addPack(t, a.id, { label: 'basic.selfie', total: 1_000, acquiredAt: cst('2026-09-01T09:00:00') });
  // identity.basic: 10 calls a day cannot use 5,000 calls before the expiry on 2027-11-01.
  P.slow = await addPack(t, a.id, { label: 'identity.basic', total: 5_000, acquiredAt: cst('2026-11-01T09:00:00') });
  P.exhausted = await addPack(t, a.id, {
    label: 'identity.basic',
    total: 1_000,
    used: 1_000,
    acquiredAt: cst('2026-08-01T09:00:00'),
  });
});
afterAll(async () => t?.close());
beforeEach(() => {
  spy.forecasts = 0;
});

describe('GET /api/v1/packs/projections (issue 9)', () => {
  it('R4.2 packs of one label are flowed together: gift first, then the earliest expiry', async () => {
    const r = await projections(customer, [P.later, P.gift, P.earliest]);
    expect(r.today).toBe(TODAY);
    // In the order asked.
    expect(r.items.map((i) => i.packId)).toEqual([P.later, P.gift, P.earliest].map(String));
    const by = new Map(r.items.map((i) => [i.packId, i]));
    // 100 calls a day from today: the gift's 500 last 5 days, the earliest-expiring 1,000 the next 10, …
    expect(by.get(String(P.gift))).toMatchObject({ runOutDate: addDays(TODAY, 4), expiringUnused: 0 });
    expect(by.get(String(P.earliest))).toMatchObject({ runOutDate: addDays(TODAY, 14), expiringUnused: 0 });
    expect(by.get(String(P.later))).toMatchObject({ runOutDate: addDays(TODAY, 24), expiringUnused: 0 });
    // Every one of them is projected to be used up before it expires.
    for (const i of r.items) {
      expect(i.status).toBe('active');
      expect(i.projectedUsedAtExpiry).toBe(i.total);
      // The horizon reaches the latest expiry of the label's packs (the gift pack's).
      expect(i.horizon).toBe('2027-11-01');
    }
    expect(by.get(String(P.gift))?.expiresOn).toBe('2027-11-01');
    expect(by.get(String(P.earliest))?.expiresOn).toBe('2027-09-01');
    // One forecast for the label, not one per pack.
    expect(spy.forecasts).toBe(1);
  });

  it('R3.2 a pack that outlives its demand: what it will have used at expiry and what expires unused', async () => {
    const r = await projections(customer, [P.slow, P.exhausted]);
    const slow = r.items.find((i) => i.packId === String(P.slow));
    // 10 calls a day from today through the expiry date 2027-11-01 (inclusive).
    let days = 0;
    for (let d = TODAY; d <= '2027-11-01'; d = addDays(d, 1)) days++;
    expect(slow).toMatchObject({
      status: 'active',
      total: 5_000,
      runOutDate: null,
      projectedUsedAtExpiry: days * 10,
      expiringUnused: 5_000 - days * 10,
      expiresOn: '2027-11-01',
    });
    const exhausted = r.items.find((i) => i.packId === String(P.exhausted));
    expect(exhausted).toMatchObject({
      status: 'exhausted',
      runOutDate: null,
      expiringUnused: 0,
      projectedUsedAtExpiry: 1_000,
    });
    expect(spy.forecasts).toBe(1);
  });

  it('each projection equals what GET /packs/:id/forecast says for the pack; one forecast per label', async () => {
    const ids = [P.gift, P.earliest, P.later, P.slow, P.exhausted];
    const r = await projections(customer, ids);
    expect(r.items).toHaveLength(ids.length);
    expect(spy.forecasts).toBe(2); // basic.selfie and identity.basic
    for (const item of r.items) {
      const f = await forecast(customer, item.packId);
      expect(item, item.packId).toMatchObject({
        packId: f.packId,
        status: f.status,
        runOutDate: f.runOutDate,
        expiringUnused: f.expiringUnused,
        horizon: f.horizon,
        total: f.total,
      });
      if (f.status !== 'active') continue;
      if (item.expiresOn <= f.horizon) {
        // Used at expiry = total − what expires unused (0 if it runs out first).
        expect(item.projectedUsedAtExpiry, item.packId).toBe(f.total - f.expiringUnused);
      } else {
        // Outlives the horizon: what the forecast's chart says it will have left there.
        const atHorizon = f.points.find((p) => p.date === f.horizon && !p.actual);
        expect(item.projectedUsedAtExpiry, item.packId).toBe(f.total - (atHorizon?.remaining ?? f.remaining));
      }
    }
  });

  it('the seeded demo account: every pack, active or not, matches its forecast', async () => {
    const list = await json<{ items: { id: string; status: string; used: number }[] }>(
      await demo.get('/api/v1/packs?limit=200'),
    );
    expect(list.items.some((p) => p.status === 'active')).toBe(true);
    expect(list.items.some((p) => p.status !== 'active')).toBe(true);
    const r = await projections(
      demo,
      list.items.map((p) => p.id),
    );
    expect(r.items.map((i) => i.packId)).toEqual(list.items.map((p) => p.id));
    for (const item of r.items) {
      const f = await forecast(demo, item.packId);
      expect({ ...item, via: 'projections' }).toMatchObject({
        via: 'projections',
        status: f.status,
        runOutDate: f.runOutDate,
        expiringUnused: f.expiringUnused,
        horizon: f.horizon,
      });
      // A pack that is no longer active keeps what it used.
      if (item.status !== 'active') {
        expect(item.projectedUsedAtExpiry).toBe(list.items.find((p) => p.id === item.packId)?.used);
      }
      expect(item.projectedUsedAtExpiry).toBeGreaterThanOrEqual(0);
      expect(item.projectedUsedAtExpiry).toBeLessThanOrEqual(item.total);
    }
  });

  it("another account's ids and unknown ids are absent, never 404 and never their data; repeats answer once", async () => {
    const other = await t.login('other@example.com');
    const theirs = (await json<{ items: { id: string }[] }>(await other.get('/api/v1/packs'))).items.map((p) => p.id);
    expect(theirs.length).toBeGreaterThan(0);

    const mixed = [P.gift, ...theirs, '999999999', P.gift, P.slow];
    const r = await projections(customer, mixed);
    expect(r.items.map((i) => i.packId)).toEqual([String(P.gift), String(P.slow)]);

    // Only another account's ids: an empty answer, no hint of their existence.
    const onlyTheirs = await customer.get(`/api/v1/packs/projections?ids=${theirs.join(',')}`);
    expect(onlyTheirs.status).toBe(200);
    expect(await json(onlyTheirs)).toEqual({ today: TODAY, items: [] });

    // And the other way round: B asking for A's packs learns nothing.
    const fromB = await projections(other, [P.gift, P.slow, ...theirs]);
    expect(fromB.items.map((i) => i.packId)).toEqual(theirs);
  });

  it('bad ids are 400 INVALID_REQUEST with the field named', async () => {
    const tooMany = Array.from({ length: 101 }, (_, i) => i + 1).join(',');
    for (const qs of [
      '',
      'ids=',
      'ids=abc',
      'ids=1,,2',
      'ids=1,2,',
      'ids=-1',
      'ids=1.5',
      'ids=1%202',
      'ids=1234567890123456789',
      `ids=${tooMany}`,
      'ids=1&other=2',
    ]) {
      const res = await customer.get(`/api/v1/packs/projections?${qs}`);
      expect(res.status, qs).toBe(400);
      const body = await json<{ code: string; errors: { path: string }[] }>(res);
      expect(body.code, qs).toBe('INVALID_REQUEST');
      expect(body.errors.length, qs).toBeGreaterThan(0);
    }
    // Exactly 100 ids is fine.
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1).join(',');
    expect((await customer.get(`/api/v1/packs/projections?ids=${hundred}`)).status).toBe(200);
    expect(spy.forecasts).toBeGreaterThan(0);
  });

  it('unauthenticated is 401; staff without an impersonation is 403; the /packs/:id routes still answer', async () => {
    const anon = await t.anon.get(`/api/v1/packs/projections?ids=${P.gift}`);
    expect(anon.status).toBe(401);
    expect((await json(anon)).code).toBe('UNAUTHENTICATED');
    const agent = await t.login('agent@example.com');
    expect((await agent.get(`/api/v1/packs/projections?ids=${P.gift}`)).status).toBe(403);
    // Route order: "projections" is not taken for a pack id, and a pack id is not taken for "projections".
    expect((await customer.get(`/api/v1/packs/${P.gift}`)).status).toBe(200);
    expect((await customer.get(`/api/v1/packs/${P.gift}/forecast`)).status).toBe(200);
    expect((await customer.get('/api/v1/packs/projection')).status).toBe(400);
  });
});
