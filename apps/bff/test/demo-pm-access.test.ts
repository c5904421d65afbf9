import { auditLog } from '@idv/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { allPages, json, useTestApp } from './harness.ts';

const t = useTestApp({ config: { trialGrantDelayMs: 30 * 60_000 } });

type Created = { accountId: string; customer: { email: string; password: string } };

async function createTenant(): Promise<Created> {
  const pm = await t.login('pm@example.com');
  const res = await pm.post('/api/v1/demo/tenants', { scenario: 'empty', startAt: '2026-11-20T10:00:00+08:00' });
  expect(res.status).toBe(201);
  return json<Created>(res);
}

/** The cookies a response sets, as name → value (an empty value clears it). */
function setCookies(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of res.headers.getSetCookie()) {
    const [pair = ''] = c.split(';');
    const i = pair.indexOf('=');
    out[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return out;
}

function withCookies(cookies: Record<string, string>) {
  const cookie = Object.entries(cookies)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  return (path: string, method = 'GET') => t.app.request(`http://localhost${path}`, { method, headers: { cookie } });
}

async function auditActions(accountId: string) {
  const list = await t.deps.db.select().from(auditLog).where(eq(auditLog.accountId, accountId));
  return list.map((r) => ({ action: r.action, actorKind: r.actorKind }));
}

async function realAccountId(): Promise<string> {
  const me = await json<{ account: { id: string } }>(await (await t.login('demo@example.com')).get('/api/v1/me'));
  return me.account.id;
}

describe('R9.3 a demo tenant opened by a PM from any browser', () => {
  it('R9.3 a PM resets the customer password: the new one signs in, the old one and its sessions no longer work; audited', async () => {
    const tenant = await createTenant();
    const oldSession = await t.login(tenant.customer.email, tenant.customer.password);
    const pm = await t.login('pm@example.com');
    const res = await pm.post(`/api/v1/demo/tenants/${tenant.accountId}/password`);
    expect(res.status).toBe(200);
    const body = await json<{ email: string; password: string }>(res);
    expect(body.email).toBe(tenant.customer.email);
    expect(body.password).not.toBe(tenant.customer.password);
    expect((await oldSession.get('/api/v1/me')).status).toBe(401);
    await expect(t.login(tenant.customer.email, tenant.customer.password)).rejects.toThrow(/401/);
    const fresh = await t.login(body.email, body.password);
    expect((await fresh.get('/api/v1/me')).status).toBe(200);
    expect(await auditActions(tenant.accountId)).toContainEqual({ action: 'demo.password_reset', actorKind: 'staff' });
  });

  it('R9.3 only PMs reset a password (403), and only of a demo tenant (a real account is 404)', async () => {
    const tenant = await createTenant();
    for (const email of ['demo@example.com', 'agent@example.com']) {
      const c = await t.login(email);
      expect((await c.post(`/api/v1/demo/tenants/${tenant.accountId}/password`)).status).toBe(403);
      expect((await c.post(`/api/v1/demo/tenants/${tenant.accountId}/customer-view`)).status).toBe(403);
    }
    expect((await t.anon.post(`/api/v1/demo/tenants/${tenant.accountId}/password`)).status).toBe(401);
    const pm = await t.login('pm@example.com');
    const real = await realAccountId();
    expect((await pm.post(`/api/v1/demo/tenants/${real}/password`)).status).toBe(404);
    expect((await pm.post(`/api/v1/demo/tenants/${real}/customer-view`)).status).toBe(404);
    // The real customer's password still works.
    expect((await (await t.login('demo@example.com')).get('/api/v1/me')).status).toBe(200);
  });

  it("R9.3 a PM opens the customer's view in one request and goes back to the PM session; both audited", async () => {
    const tenant = await createTenant();
    const pmRes = await t.app.request('http://localhost/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'pm@example.com', password: 'demo-pass-2026' }),
    });
    const pmCookies = setCookies(pmRes);
    const asPm = withCookies(pmCookies);
    const open = await asPm(`/api/v1/demo/tenants/${tenant.accountId}/customer-view`, 'POST');
    expect(open.status).toBe(201);
    const viewCookies = { ...pmCookies, ...setCookies(open) };
    expect(viewCookies.sid_pm).toBe(pmCookies.sid);
    expect(open.headers.getSetCookie().find((c) => c.startsWith('sid_pm='))).toMatch(
      /HttpOnly.*Path=\/api\/v1\/demo|Path=\/api\/v1\/demo.*HttpOnly/,
    );
    const asCustomer = withCookies(viewCookies);
    const me = await json<{ account: { id: string }; user: { email: string } }>(await asCustomer('/api/v1/me'));
    expect(me.account.id).toBe(tenant.accountId);
    const state = await json<{ accountId: string; pmEmail: string }>(await asCustomer('/api/v1/demo/customer-view'));
    expect(state).toEqual({ accountId: tenant.accountId, pmEmail: 'pm@example.com' });

    const back = await asCustomer('/api/v1/demo/customer-view', 'DELETE');
    expect(back.status).toBe(200);
    const after = { ...viewCookies, ...setCookies(back) };
    expect(after.sid).toBe(pmCookies.sid);
    expect(after.sid_pm).toBe('');
    const again = await json<{ user: { email: string } }>(await withCookies(after)('/api/v1/me'));
    expect(again.user.email).toBe('pm@example.com');
    // The customer-view session is over.
    expect((await withCookies({ sid: setCookies(open).sid ?? '' })('/api/v1/me')).status).toBe(401);
    expect(await auditActions(tenant.accountId)).toEqual(
      expect.arrayContaining([
        { action: 'demo.customer_view_start', actorKind: 'staff' },
        { action: 'demo.customer_view_end', actorKind: 'staff' },
      ]),
    );
  });

  it('R9.3 a customer signed in with the password has no PM to go back to (404)', async () => {
    const tenant = await createTenant();
    const customer = await t.login(tenant.customer.email, tenant.customer.password);
    expect((await customer.get('/api/v1/demo/customer-view')).status).toBe(404);
    expect((await customer.delete('/api/v1/demo/customer-view')).status).toBe(404);
  });
});

describe('R9.3 the demo timeline', () => {
  it('R9.3 the timeline is newest first and paged without gaps or repeats; events carry a code and params', async () => {
    const tenant = await createTenant();
    const pm = await t.login('pm@example.com');
    expect((await pm.post(`/api/v1/demo/tenants/${tenant.accountId}/clock`, { advanceBy: 'P3D' })).status).toBe(200);
    type Item = { at: string; kind: string; summary: string; code: string; params: Record<string, unknown> };
    const all = await json<{ items: Item[]; nextCursor: string | null }>(
      await pm.get(`/api/v1/demo/tenants/${tenant.accountId}/timeline?limit=500`),
    );
    expect(all.nextCursor).toBeNull();
    expect(all.items.length).toBeGreaterThan(4);
    const ats = all.items.map((i) => i.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    const pages = await allPages<{ items: Item[]; nextCursor: string | null }>(
      pm,
      `/api/v1/demo/tenants/${tenant.accountId}/timeline?limit=2`,
    );
    for (const page of pages) expect(page.items.length).toBeLessThanOrEqual(2);
    expect(pages.flatMap((p) => p.items)).toEqual(all.items);
    const settled = all.items.find((i) => i.kind === 'daily_settlement');
    expect(settled?.code).toBe('settlement');
    expect(settled?.params).toEqual({ period: expect.any(String), amount: '0.00', calls: 0 });
    expect(all.items.at(-1)).toMatchObject({
      kind: 'tenant_created',
      code: 'tenant_created',
      params: { scenario: 'empty' },
    });
    expect((await pm.get(`/api/v1/demo/tenants/${tenant.accountId}/timeline?cursor=%%%`)).status).toBe(400);
  });

  it('R9.3 the tenant detail carries what the tour checks: notices by kind, packs bought, budgets', async () => {
    const tenant = await createTenant();
    const pm = await t.login('pm@example.com');
    await pm.post(`/api/v1/demo/tenants/${tenant.accountId}/clock`, { advanceBy: 'PT1H' });
    const d = await json<{ signals: { notices: Record<string, number>; purchasedPacks: number; budgets: number } }>(
      await pm.get(`/api/v1/demo/tenants/${tenant.accountId}`),
    );
    expect(d.signals.purchasedPacks).toBe(0);
    expect(d.signals.budgets).toBe(0);
    expect(typeof d.signals.notices).toBe('object');
  });
});
