import type { List, Pack } from '@idv/contracts';
import { describe, expect, it } from 'vitest';
import { allPageItems, type Client, json, useTestApp } from './harness.ts';

const t = useTestApp();

describe('sign-in and identity', () => {
  it('signs in the demo customer and answers /me with the account and the real clock', async () => {
    const c = await t.login('demo@example.com');
    const me = await json<{
      user: { kind: string; roles: string[] };
      account: { id: string };
      clock: { simulated: boolean; now: string };
    }>(await c.get('/api/v1/me'));
    expect(me.user.kind).toBe('customer');
    expect(me.user.roles).toEqual(['owner']);
    expect(me.account.id).toBe('acct_demo');
    expect(me.clock.simulated).toBe(false);
    expect(me.clock.now).toMatch(/\+08:00$/);
  });

  it('sets an HttpOnly SameSite=Lax session cookie', async () => {
    const res = await t.anon.post('/api/v1/auth/login', { email: 'demo@example.com', password: 'demo-pass-2026' });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('refuses a wrong password and an unknown email with the same BAD_CREDENTIALS answer', async () => {
    const a = await t.anon.post('/api/v1/auth/login', { email: 'demo@example.com', password: 'nope' });
    const b = await t.anon.post('/api/v1/auth/login', { email: 'nobody@example.com', password: 'nope' });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    const pa = await json(a);
    const pb = await json(b);
    expect(pa.code).toBe('BAD_CREDENTIALS');
    expect(pb).toEqual(pa);
    expect(a.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('answers 401 problem+json without a session and ends the session at logout', async () => {
    const res = await t.anon.get('/api/v1/me');
    expect(res.status).toBe(401);
    expect((await json(res)).code).toBe('UNAUTHENTICATED');
    const c = await t.login('demo@example.com');
    expect((await c.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await c.get('/api/v1/me')).status).toBe(401);
  });

  it('gives staff a /me without an account', async () => {
    const c = await t.login('agent@example.com');
    const me = await json<{ user: { kind: string }; account: unknown }>(await c.get('/api/v1/me'));
    expect(me.user.kind).toBe('staff');
    expect(me.account).toBeNull();
    expect((await c.get('/api/v1/packs')).status).toBe(403);
  });
});

describe('catalog (R1)', () => {
  it('R1.1 serves every label of the catalog with decimal-string prices (R1.2)', async () => {
    const c = await t.login('demo@example.com');
    const cat = await json<{
      items: { code: string; unitPrice: string; tiers: { size: number; price: string; perCall: string }[] }[];
    }>(await c.get('/api/v1/catalog'));
    expect(cat.items.length).toBeGreaterThanOrEqual(30);
    const risk = cat.items.find((i) => i.code === 'risk.face');
    expect(risk?.unitPrice).toBe('0.0035');
    expect(risk?.tiers).toEqual([]);
    const enh = cat.items.find((i) => i.code === 'enhanced.authority.wechat');
    expect(enh?.unitPrice).toBe('1.20');
    expect(enh?.tiers.find((x) => x.size === 10000)).toMatchObject({ price: '11000.00', perCall: '1.10' });
  });
});

describe('account (R2.1)', () => {
  it('shows balances whose available is their exact sum', async () => {
    const c = await t.login('demo@example.com');
    const a = await json<{ balances: Record<string, string>; vouchers: unknown[]; status: string }>(
      await c.get('/api/v1/account'),
    );
    const cents = (s: string) => BigInt(s.replace('.', ''));
    expect(cents(a.balances.available ?? '')).toBe(
      cents(a.balances.cash ?? '') + cents(a.balances.income ?? '') + cents(a.balances.gift ?? ''),
    );
    expect(a.status).toBe('active');
    expect(a.vouchers.length).toBe(2);
  });
});

describe('packs (R3.1, R3.5)', () => {
  const all = (c: Client, qs = '') => allPageItems<Pack>(c, `/api/v1/packs?limit=3${qs}`);

  it('lists packs in every state with total = used + remaining', async () => {
    const c = await t.login('demo@example.com');
    const packs = await all(c);
    expect(new Set(packs.map((p) => p.status))).toEqual(new Set(['active', 'exhausted', 'expired', 'refunded']));
    expect(new Set(packs.map((p) => p.source))).toEqual(new Set(['gift', 'purchase']));
    for (const p of packs) expect(p.used + p.remaining).toBe(p.total);
    const idb = packs.find((p) => p.label === 'identity.basic');
    expect(idb).toMatchObject({ total: 10000, used: 6420, remaining: 3580, usedPercent: '64.20' });
  });

  it('paginates with a cursor in expiry order without repeating or losing a pack', async () => {
    const c = await t.login('demo@example.com');
    const paged = await all(c);
    const one: List<Pack> = await json(await c.get('/api/v1/packs?limit=200'));
    expect(paged.map((p) => p.id)).toEqual(one.items.map((p) => p.id));
    const expiries = one.items.map((p) => Date.parse(p.expiresAt));
    expect(expiries).toEqual([...expiries].sort((a, b) => a - b));
    const desc: List<Pack> = await json(await c.get('/api/v1/packs?limit=200&sort=-expiresAt'));
    expect(desc.items.map((p) => p.id)).toEqual([...one.items.map((p) => p.id)].reverse());
  });

  it('filters by label, source and status', async () => {
    const c = await t.login('demo@example.com');
    const gifts = await all(c, '&source=gift');
    expect(gifts.length).toBeGreaterThan(0);
    expect(gifts.every((p) => p.source === 'gift')).toBe(true);
    const expired = await all(c, '&status=expired');
    expect(expired.length).toBeGreaterThan(0);
    expect(expired.every((p) => p.status === 'expired')).toBe(true);
    const enh = await all(c, '&label=enhanced.authority.wechat');
    expect(enh.every((p) => p.label === 'enhanced.authority.wechat')).toBe(true);
    expect(enh.length).toBe(3);
  });

  it('explains refund eligibility per pack (R3.5, R8.1, R8.2)', async () => {
    const c = await t.login('demo@example.com');
    const packs = await all(c);
    const fresh = packs.filter((p) => p.label === 'enhanced.authority.wechat' && p.source === 'purchase');
    expect(fresh).toHaveLength(2);
    for (const p of fresh) {
      expect(p.refund.eligible).toBe(true);
      expect(p.refund.amount).toBe('1150.00');
    }
    const gift = packs.find((p) => p.source === 'gift' && p.status === 'active');
    expect(gift?.refund).toMatchObject({ eligible: false, reason: 'NOT_REFUNDABLE_GIFT' });
    const refunded = packs.find((p) => p.status === 'refunded');
    expect(refunded?.refund).toMatchObject({ eligible: false, reason: 'ALREADY_REFUNDED' });
  });

  it("answers 404 for another account's pack, by id and usage", async () => {
    const other = await t.login('other@example.com');
    const theirs: List<Pack> = await json(await other.get('/api/v1/packs'));
    const id = theirs.items[0]?.id;
    expect(id).toBeDefined();
    const demo = await t.login('demo@example.com');
    const res = await demo.get(`/api/v1/packs/${id}`);
    expect(res.status).toBe(404);
    expect((await json(res)).code).toBe('NOT_FOUND');
    expect((await demo.get(`/api/v1/packs/${id}/usage`)).status).toBe(404);
    expect((await other.get(`/api/v1/packs/${id}`)).status).toBe(200);
  });

  it('R3.6 shows calls per day on a pack that sum to at most its used count', async () => {
    const c = await t.login('demo@example.com');
    const list: List<Pack> = await json(await c.get('/api/v1/packs?label=identity.basic'));
    const p = list.items[0];
    if (!p) throw new Error('no identity.basic pack');
    const usage = await json<{ items: { date: string; calls: number }[] }>(
      await c.get(`/api/v1/packs/${p.id}/usage?from=2020-01-01&to=2030-01-01`),
    );
    const sum = usage.items.reduce((a, d) => a + d.calls, 0);
    expect(sum).toBe(p.used);
  });
});

describe('edge errors are 4xx problem+json, never 5xx', () => {
  it.each([
    ['unknown route', 'GET', '/api/v1/nope', undefined, 404],
    ['bad pack id', 'GET', '/api/v1/packs/abc', undefined, 400],
    ['limit too high', 'GET', '/api/v1/packs?limit=500', undefined, 400],
    ['bad status', 'GET', '/api/v1/packs?status=weird', undefined, 400],
    ['bad cursor', 'GET', '/api/v1/packs?cursor=zzz', undefined, 400],
  ] as const)('%s', async (_name, method, path, body, status) => {
    const c = await t.login('demo@example.com');
    const res = await c.raw(path, { method, body });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const p = await json(res);
    expect(p).toMatchObject({ status, type: expect.any(String), title: expect.any(String), code: expect.any(String) });
  });

  it('bad JSON, wrong types and missing fields at login are 400 INVALID_REQUEST with the fields', async () => {
    const bad = await t.anon.raw('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(bad.status).toBe(400);
    expect((await json(bad)).code).toBe('INVALID_REQUEST');
    const wrong = await t.anon.post('/api/v1/auth/login', { email: 42 });
    expect(wrong.status).toBe(400);
    const p = await json<{ code: string; errors: { path: string }[] }>(wrong);
    expect(p.code).toBe('INVALID_REQUEST');
    expect(p.errors.map((e) => e.path).sort()).toEqual(['email', 'password']);
  });

  it('refuses non-JSON mutations and mutations from a foreign Origin', async () => {
    const form = await t.anon.raw('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a&password=b',
    });
    expect(form.status).toBe(415);
    const foreign = await t.anon.post(
      '/api/v1/auth/login',
      { email: 'demo@example.com', password: 'demo-pass-2026' },
      { origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(403);
    expect((await json(foreign)).code).toBe('FOREIGN_ORIGIN');
  });

  it('serves an OpenAPI document listing the endpoints', async () => {
    const res = await t.anon.get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = await json<{ openapi: string; paths: Record<string, unknown> }>(res);
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/packs', '/api/v1/packs/{id}']));
  });
});
