import { buildOpenApi } from '@idv/contracts';
import { ledgerEntries, orders, packs, refunds, resources, serviceKeys, usageEvents, users } from '@idv/db';
import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, json, type TestApp } from './harness.ts';
import { inviteAndAccept } from './invitation-fixtures.ts';

/**
 * Issue 8 security probes. The list of operations comes from the OpenAPI document: a new endpoint
 * without an entry in RULES fails the first test, so nobody can add an endpoint without saying who may
 * call it and what another account's id answers.
 */
type Role = 'owner' | 'finance' | 'viewer' | 'agentRead' | 'agentWrite';
type Ids = {
  otherPack: string;
  otherOrder: string;
  otherUser: string;
  otherKey: string;
  otherNotification: string;
  ownPack: string;
  ownKey: string;
  ownNotification: string;
  ownUser: string;
  ownCert: string;
  otherInvitation: string;
  ownInvitation: string;
  otherBudget: string;
  ownBudget: string;
};
interface Rule {
  /** account: acts on the caller's account; staff/pm/public/service: other gates; user: the caller's own prefs. */
  scope: 'account' | 'staff' | 'pm' | 'public' | 'service' | 'user';
  /** Path with B's ids, to prove another account's object is 404. */
  foreign?: (ids: Ids) => string;
  /** For mutations of the account scope: roles that may call it. */
  allowed?: Role[];
  own?: (ids: Ids) => { path?: string; body?: unknown };
}
const MONEY: Role[] = ['owner', 'finance', 'agentWrite'];
const OWNER: Role[] = ['owner', 'agentWrite'];
const PERSONAL: Role[] = ['owner', 'finance', 'viewer', 'agentWrite'];

const RULES: Record<string, Rule> = {
  'POST /api/v1/auth/login': { scope: 'public' },
  'POST /api/v1/auth/logout': { scope: 'public' },
  'GET /api/v1/me': { scope: 'account' },
  'GET /api/v1/openapi.json': { scope: 'public' },
  'GET /api/v1/catalog': { scope: 'account' },
  'GET /api/v1/account': { scope: 'account' },
  'PATCH /api/v1/account': { scope: 'account', allowed: OWNER, own: () => ({ body: { postpaidEnabled: true } }) },
  'POST /api/v1/account/recharge': { scope: 'account', allowed: MONEY, own: () => ({ body: { amount: '1.00' } }) },
  'POST /api/v1/account/eid-merchant': { scope: 'account', allowed: OWNER, own: () => ({}) },
  'GET /api/v1/resources': { scope: 'account' },
  'POST /api/v1/resources': {
    scope: 'account',
    allowed: OWNER,
    own: () => ({ body: { alias: 'probe', project: 'p', region: 'ap-guangzhou' } }),
  },
  'GET /api/v1/packs': { scope: 'account' },
  // Another account's ids are left out of the answer (never 404, never their data): see projections.test.ts.
  'GET /api/v1/packs/projections': { scope: 'account' },
  'GET /api/v1/packs/:id': { scope: 'account', foreign: (i) => `/api/v1/packs/${i.otherPack}` },
  'GET /api/v1/packs/:id/usage': { scope: 'account', foreign: (i) => `/api/v1/packs/${i.otherPack}/usage` },
  'GET /api/v1/packs/:id/forecast': { scope: 'account', foreign: (i) => `/api/v1/packs/${i.otherPack}/forecast` },
  'GET /api/v1/planner': { scope: 'account' },
  'GET /api/v1/explain': { scope: 'account', foreign: (i) => `/api/v1/explain?packId=${i.otherPack}` },
  'GET /api/v1/service-keys': { scope: 'account' },
  'POST /api/v1/service-keys': { scope: 'account', allowed: OWNER, own: () => ({ body: { name: 'probe' } }) },
  'DELETE /api/v1/service-keys/:id': {
    scope: 'account',
    foreign: (i) => `/api/v1/service-keys/${i.otherKey}`,
    allowed: OWNER,
    own: (i) => ({ path: `/api/v1/service-keys/${i.ownKey}` }),
  },
  'POST /api/v1/usage/events': { scope: 'service' },
  'GET /api/v1/usage/daily': { scope: 'account' },
  'GET /api/v1/staff/accounts': { scope: 'staff' },
  'POST /api/v1/staff/impersonations': { scope: 'staff' },
  'DELETE /api/v1/staff/impersonations/current': { scope: 'staff' },
  'GET /api/v1/audit': { scope: 'account' },
  'GET /api/v1/bills/overview': { scope: 'account' },
  'GET /api/v1/bills/resources': { scope: 'account' },
  'GET /api/v1/bills/items': { scope: 'account' },
  'GET /api/v1/bills/items.csv': { scope: 'account' },
  'GET /api/v1/preferences/bill-columns': { scope: 'user' },
  'PUT /api/v1/preferences/bill-columns': { scope: 'user' },
  'GET /api/v1/notifications': { scope: 'account' },
  'POST /api/v1/notifications/read-all': { scope: 'account', allowed: PERSONAL, own: () => ({}) },
  'POST /api/v1/notifications/:id/read': {
    scope: 'account',
    foreign: (i) => `/api/v1/notifications/${i.otherNotification}/read`,
    allowed: PERSONAL,
    own: (i) => ({ path: `/api/v1/notifications/${i.ownNotification}/read` }),
  },
  'GET /api/v1/notification-settings': { scope: 'account' },
  'PUT /api/v1/notification-settings': {
    scope: 'account',
    allowed: OWNER,
    own: () => ({ body: { kinds: {}, dailyReport: false } }),
  },
  'GET /api/v1/staff/outbox': { scope: 'staff' },
  'POST /api/v1/orders': {
    scope: 'account',
    allowed: MONEY,
    own: () => ({ body: { label: 'identity.basic', size: 1000, quantity: 1 } }),
  },
  'GET /api/v1/orders': { scope: 'account' },
  'GET /api/v1/orders/:id': { scope: 'account', foreign: (i) => `/api/v1/orders/${i.otherOrder}` },
  'POST /api/v1/refunds': { scope: 'account', allowed: MONEY, own: (i) => ({ body: { packId: i.ownPack } }) },
  'GET /api/v1/refunds': { scope: 'account' },
  // R10.1 budgets and R10.2 auto top-up rules: the money roles edit, everyone reads.
  'GET /api/v1/budgets': { scope: 'account' },
  'POST /api/v1/budgets': { scope: 'account', allowed: MONEY, own: () => ({ body: { name: 'probe', amount: '10' } }) },
  'PATCH /api/v1/budgets/:id': {
    scope: 'account',
    allowed: MONEY,
    foreign: (i) => `/api/v1/budgets/${i.otherBudget}`,
    own: (i) => ({ path: `/api/v1/budgets/${i.ownBudget}`, body: { name: 'probe' } }),
  },
  'DELETE /api/v1/budgets/:id': {
    scope: 'account',
    allowed: MONEY,
    foreign: (i) => `/api/v1/budgets/${i.otherBudget}`,
    own: (i) => ({ path: `/api/v1/budgets/${i.ownBudget}` }),
  },
  'GET /api/v1/auto-topups': { scope: 'account' },
  // Issue 18: the owner (or an impersonating agent) reads the account's timeline.
  'GET /api/v1/timeline': { scope: 'account' },
  'PUT /api/v1/auto-topups/:label': {
    scope: 'account',
    allowed: MONEY,
    own: () => ({
      path: '/api/v1/auto-topups/identity.basic',
      body: { enabled: false, belowCalls: 1, size: 1000, quantity: 1, monthlyLimit: 1 },
    }),
  },
  'DELETE /api/v1/auto-topups/:label': {
    scope: 'account',
    allowed: MONEY,
    own: () => ({ path: '/api/v1/auto-topups/identity.basic' }),
  },
  'POST /api/v1/staff/refund-refusals': { scope: 'staff' },
  'PUT /api/v1/staff/accounts/:id/violation': { scope: 'staff' },
  // Issue 18: support reads an account's timeline without impersonating it (audited).
  'GET /api/v1/staff/accounts/:id/timeline': { scope: 'staff' },
  'GET /api/v1/certificates': { scope: 'account' },
  'POST /api/v1/certificates/:id/cancel': {
    scope: 'account',
    allowed: MONEY,
    own: (i) => ({ path: `/api/v1/certificates/${i.ownCert}/cancel` }),
  },
  'POST /api/v1/certificates/:id/refund': {
    scope: 'account',
    allowed: MONEY,
    own: (i) => ({ path: `/api/v1/certificates/${i.ownCert}/refund` }),
  },
  'GET /api/v1/demo/tenants': { scope: 'pm' },
  'POST /api/v1/demo/tenants': { scope: 'pm' },
  'POST /api/v1/demo/tenants/:accountId/clock': { scope: 'pm' },
  'GET /api/v1/demo/tenants/:accountId/timeline': { scope: 'pm' },
  'POST /api/v1/demo/tenants/:accountId/reset': { scope: 'pm' },
  'DELETE /api/v1/demo/tenants/:accountId': { scope: 'pm' },
  'GET /api/v1/demo/tenants/:accountId': { scope: 'pm' },
  'POST /api/v1/demo/tenants/:accountId/password': { scope: 'pm' },
  'POST /api/v1/demo/tenants/:accountId/customer-view': { scope: 'pm' },
  'GET /api/v1/demo/customer-view': { scope: 'user' },
  'DELETE /api/v1/demo/customer-view': { scope: 'user' },
  'PUT /api/v1/demo/tenants/:accountId/tiers/:label': {
    scope: 'pm',
    own: () => ({ path: '/api/v1/demo/tenants/acct_demo/tiers/identity.basic' }),
  },
  'DELETE /api/v1/demo/tenants/:accountId/tiers/:label': { scope: 'pm' },
  'GET /api/v1/account/users': { scope: 'account' },
  'PATCH /api/v1/account/users/:id': {
    scope: 'account',
    foreign: (i) => `/api/v1/account/users/${i.otherUser}`,
    allowed: ['owner'],
    own: (i) => ({ path: `/api/v1/account/users/${i.ownUser}`, body: { role: 'viewer' } }),
  },
  'DELETE /api/v1/account/users/:id': {
    scope: 'account',
    foreign: (i) => `/api/v1/account/users/${i.otherUser}`,
    allowed: ['owner'],
    own: (i) => ({ path: `/api/v1/account/users/${i.ownUser}` }),
  },
  'GET /api/v1/members/invitations': { scope: 'account' },
  'POST /api/v1/members/invitations': {
    scope: 'account',
    allowed: ['owner'],
    own: () => ({ body: { email: `probe-${Math.random().toString(36).slice(2)}@example.com`, role: 'viewer' } }),
  },
  'DELETE /api/v1/members/invitations/:id': {
    scope: 'account',
    foreign: (i) => `/api/v1/members/invitations/${i.otherInvitation}`,
    allowed: ['owner'],
    own: (i) => ({ path: `/api/v1/members/invitations/${i.ownInvitation}` }),
  },
  'POST /api/v1/invitations/preview': { scope: 'public' },
  'POST /api/v1/invitations/accept': { scope: 'public' },
};

/** GETs that answer 400 without their query: a valid one for the read probes. */
const REQUIRED_QUERY: Record<string, string> = {
  '/api/v1/planner': '?label=enhanced.authority.wechat&calls=300000',
  '/api/v1/explain': '?date=2026-11-20',
  '/api/v1/packs/projections': '?ids=1,2,3,4,5,6,7,8,9,10',
};

const doc = buildOpenApi() as { paths: Record<string, Record<string, unknown>> };
const operations = Object.entries(doc.paths).flatMap(([p, ops]) =>
  Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
);

let t: TestApp;
let ids: Ids;
beforeAll(async () => {
  t = await createTestApp();
  const other = await t.login('other@example.com');
  const demo = await t.login('demo@example.com');
  const otherPacks = await json<{ items: { id: string; orderId: string | null }[] }>(await other.get('/api/v1/packs'));
  const otherKey = await json<{ id: string }>(await other.post('/api/v1/service-keys', { name: 'b' }));
  const ownKey = await json<{ id: string }>(await demo.post('/api/v1/service-keys', { name: 'a' }));
  await other.post('/api/v1/orders', { label: 'identity.basic', size: 1000, quantity: 1 });
  await demo.post('/api/v1/orders', { label: 'identity.basic', size: 1000, quantity: 1 });
  const notes = async (c: Client) =>
    (await json<{ items: { id: string }[] }>(await c.get('/api/v1/notifications'))).items[0]?.id ?? '0';
  const fresh = await json<{ items: { id: string; refund: { eligible: boolean } }[] }>(
    await demo.get('/api/v1/packs?limit=200'),
  );
  const certs = await json<{ items: { id: string; status: string }[] }>(await demo.get('/api/v1/certificates'));
  const budget = async (c: Client) =>
    (await json<{ id: string }>(await c.post('/api/v1/budgets', { name: 'probe', amount: '10' }))).id;
  ids = {
    otherBudget: await budget(other),
    ownBudget: await budget(demo),
    otherPack: otherPacks.items[0]?.id ?? '0',
    otherOrder: otherPacks.items.find((p) => p.orderId)?.orderId ?? 'none',
    otherUser: 'usr_other',
    otherKey: otherKey.id,
    otherNotification: await notes(other),
    ownPack: fresh.items.find((p) => p.refund.eligible)?.id ?? '0',
    ownKey: ownKey.id,
    ownNotification: await notes(demo),
    ownUser: 'usr_viewer',
    ownCert: certs.items.find((c) => c.status === 'pending_submission')?.id ?? 'none',
    otherInvitation: (
      await json<{ id: string }>(
        await other.post('/api/v1/members/invitations', { email: 'b@probe.example', role: 'viewer' }),
      )
    ).id,
    ownInvitation: (
      await json<{ id: string }>(
        await demo.post('/api/v1/members/invitations', { email: 'a@probe.example', role: 'viewer' }),
      )
    ).id,
  };
});
afterAll(async () => t?.close());

function send(c: Client, method: string, path: string, body?: unknown) {
  switch (method) {
    case 'GET':
      return c.get(path);
    case 'DELETE':
      return c.delete(path);
    case 'POST':
      return c.post(path, body ?? {});
    case 'PATCH':
      return c.patch(path, body ?? {});
    case 'PUT':
      return c.put(path, body ?? {});
    default:
      throw new Error(method);
  }
}

describe('every endpoint is classified', () => {
  it('the OpenAPI document and the access rules list the same operations', () => {
    expect([...operations].sort()).toEqual(Object.keys(RULES).sort());
  });
});

describe('IDOR probe: account A asking for account B', () => {
  it("answers 404 for every endpoint given another account's object id", async () => {
    const demo = await t.login('demo@example.com');
    for (const [op, rule] of Object.entries(RULES)) {
      if (!rule.foreign) continue;
      const [method = 'GET'] = op.split(' ');
      const res = await send(demo, method, rule.foreign(ids), rule.own?.(ids).body);
      expect(`${op} → ${res.status}`).toBe(`${op} → 404`);
    }
  });

  it("never returns account B's data from any list or read of account A", async () => {
    const demo = await t.login('demo@example.com');
    const markers = ['acct_other', 'other@example.com', 'res-other-app', 'vch_other', ids.otherKey, ids.otherOrder];
    for (const [op, rule] of Object.entries(RULES)) {
      const [method, path = ''] = op.split(' ');
      if (method !== 'GET' || rule.scope !== 'account' || path.includes(':')) continue;
      const query = path.startsWith('/api/v1/bills') ? '?month=2026-11' : (REQUIRED_QUERY[path] ?? '');
      const res = await demo.get(`${path}${query}`);
      expect(res.status, op).toBeLessThan(300);
      const text = await res.text();
      for (const m of markers) expect(text.includes(m), `${op} leaks ${m}`).toBe(false);
    }
  });

  it("refuses B's pack in a refund and B's voucher in an order with 404", async () => {
    const demo = await t.login('demo@example.com');
    expect((await demo.post('/api/v1/refunds', { packId: ids.otherPack })).status).toBe(404);
    const order = await demo.post('/api/v1/orders', {
      label: 'identity.basic',
      size: 1000,
      quantity: 1,
      voucherId: 'vch_other',
    });
    expect(order.status).toBe(404);
  });
});

describe('role matrix (R9.1, R9.2)', () => {
  const REASON = 'Probing the role matrix for the security test suite.';
  async function clientFor(role: Role): Promise<Client> {
    switch (role) {
      case 'owner':
        return t.login('demo@example.com');
      case 'viewer':
        return t.login('viewer@example.com');
      case 'finance': {
        const owner = await t.login('demo@example.com');
        return inviteAndAccept(t, owner, `finance-${Math.random().toString(36).slice(2)}@example.com`, 'finance');
      }
      case 'agentRead':
      case 'agentWrite': {
        const agent = await t.login('agent@example.com');
        const r = await agent.post('/api/v1/staff/impersonations', {
          accountId: 'acct_demo',
          reason: REASON,
          write: role === 'agentWrite',
        });
        expect(r.status).toBe(201);
        return agent;
      }
    }
  }

  for (const role of ['viewer', 'agentRead', 'finance', 'owner', 'agentWrite'] as Role[]) {
    it(`${role}: every account mutation answers 403 exactly when the role may not do it`, async () => {
      const c = await clientFor(role);
      for (const [op, rule] of Object.entries(RULES)) {
        if (!rule.allowed || !rule.own) continue;
        const [method = 'POST', path = ''] = op.split(' ');
        const own = rule.own(ids);
        const res = await send(c, method, own.path ?? path, own.body);
        const refused = res.status === 403;
        expect(`${role} ${op} refused=${refused} (${res.status})`).toBe(
          `${role} ${op} refused=${!rule.allowed.includes(role)} (${res.status})`,
        );
        expect(res.status, `${role} ${op}`).toBeLessThan(500);
      }
    });
  }

  it('customers get 403 on staff and demo endpoints; staff without an impersonation get 403 on account data', async () => {
    const demo = await t.login('demo@example.com');
    const agent = await t.login('agent@example.com');
    for (const [op, rule] of Object.entries(RULES)) {
      const [method = 'GET', path = ''] = op.split(' ');
      const concrete = path.replace(':accountId', 'acct_demo').replace(':id', 'acct_demo');
      if (rule.scope === 'staff' || rule.scope === 'pm') {
        const res = await send(demo, method, concrete, {});
        // 404 when the id is not a demo tenant at all; 400 when the body is checked before the role.
        expect([403, 404, 400], `${op} as a customer → ${res.status}`).toContain(res.status);
        if (res.status === 400) expect(method).not.toBe('GET');
      }
      if (rule.scope === 'account' && method === 'GET' && !path.includes(':')) {
        const res = await agent.get(
          path.startsWith('/api/v1/bills') ? `${path}?month=2026-11` : path === '/api/v1/me' ? '/api/v1/catalog' : path,
        );
        if (path !== '/api/v1/me' && path !== '/api/v1/catalog') expect(res.status, `${op} as staff`).toBe(403);
      }
    }
  });
});

describe('bad-input fuzz: 4xx problem+json, never 5xx, nothing written', () => {
  const counted = [ledgerEntries, orders, packs, refunds, usageEvents, users, resources, serviceKeys] as const;
  async function counts() {
    const out: number[] = [];
    for (const table of counted) {
      const [r] = await t.deps.db.select({ n: sql<string>`count(*)` }).from(table);
      out.push(Number.parseInt(String(r?.n ?? '0'), 10));
    }
    return out;
  }
  const junk = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.constantFrom(-1, 0, 1.5, -0.01, 1e308, Number.MAX_SAFE_INTEGER + 2),
    fc.string({ maxLength: 20 }),
    fc.string({ unit: 'grapheme', maxLength: 10 }),
    fc.constantFrom('x'.repeat(100_000), '١٢٣', '💸💸', '1e9', '-0', '0x10', '<script>', "' or 1=1 --", '../../etc'),
    fc.array(fc.integer(), { maxLength: 3 }),
  );
  const body = fc.oneof(
    junk,
    fc.dictionary(
      fc.constantFrom(
        'label',
        'size',
        'quantity',
        'voucherId',
        'packId',
        'amount',
        'postpaidEnabled',
        'email',
        'name',
        'role',
        'alias',
        'project',
        'region',
        'columns',
        'kinds',
        'dailyReport',
        'scenario',
        'accountId',
        'reason',
        'write',
        'events',
        'unknownField',
      ),
      junk,
      { maxKeys: 5 },
    ),
  );

  it('every endpoint with a body refuses malformed bodies with 4xx problem+json and writes nothing', async () => {
    const owner = await t.login('demo@example.com');
    const pm = await t.login('pm@example.com');
    const ops = Object.entries(RULES).filter(([op]) => !op.startsWith('GET ') && !op.startsWith('DELETE '));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ops), body, async ([op, rule], payload) => {
        const [method = 'POST', path = ''] = op.split(' ');
        const concrete = (rule.own?.(ids).path ?? path).replace(':accountId', 'acct_demo').replace(':id', ids.ownPack);
        const before = await counts();
        const client = rule.scope === 'pm' ? pm : owner;
        const res =
          rule.scope === 'service'
            ? await t.app.request(`http://localhost${concrete}`, {
                method,
                headers: { 'content-type': 'application/json', authorization: 'Bearer idv_sk_bogus' },
                body: JSON.stringify(payload),
              })
            : await send(client, method, concrete, payload);
        expect(res.status, `${op} ${JSON.stringify(payload).slice(0, 200)}`).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.headers.get('content-type'), op).toMatch(/application\/problem\+json/);
          const p = await json<{ code: string; status: number }>(res);
          expect(p.status).toBe(res.status);
          expect(p.code).toMatch(/^[A-Z_]+$/);
          expect(await counts(), `${op} wrote rows though refused`).toEqual(before);
        }
      }),
      { numRuns: 250 },
    );
  });

  it('query strings of every list endpoint refuse wrong types with 400, never 5xx', async () => {
    const owner = await t.login('demo@example.com');
    const gets = Object.keys(RULES).filter((op) => op.startsWith('GET ') && !op.includes(':'));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...gets),
        fc.dictionary(
          fc.constantFrom(
            'limit',
            'cursor',
            'month',
            'status',
            'source',
            'label',
            'from',
            'to',
            'sort',
            'billingMode',
            'q',
            'unread',
          ),
          fc.string({ maxLength: 30 }),
          { maxKeys: 3 },
        ),
        async (op, q) => {
          const path = op.slice(4);
          const res = await owner.get(`${path}?${new URLSearchParams(q).toString()}`);
          expect(res.status, `${op} ${JSON.stringify(q)}`).toBeLessThan(500);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('ids of another account in bodies', () => {
  it('a staff refusal or violation flag on an unknown account is 404', async () => {
    const agent = await t.login('agent@example.com');
    const r = await agent.put('/api/v1/staff/accounts/acct_nope/violation', {
      violation: true,
      reason: 'Probing an unknown account id.',
    });
    expect(r.status).toBe(404);
    const own = await t.deps.db
      .select()
      .from(packs)
      .where(and(eq(packs.accountId, 'acct_demo')));
    expect(own.length).toBeGreaterThan(0);
  });
});
