import { cstMonth, formatMoney4, parseMoney } from '@idv/billing';
import { accounts, charges, resources, rows, settlements, users } from '@idv/db';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../src/repositories/bills/csv.ts';
import { hashPassword } from '../src/use-cases/auth/sign-in.ts';
import { csvLang, csvWords } from '../src/use-cases/bills/bill-csv-words.ts';
import { allPages, type Client, json, useLogin, useTestApp } from './harness.ts';

type Item = {
  id: string;
  occurredAt: string;
  month: string;
  resourceId: string | null;
  alias: string | null;
  project: string | null;
  region: string | null;
  product: string;
  label: string;
  billingMode: 'prepaid' | 'postpaid';
  transactionType: string;
  unitPrice: string;
  quantity: number;
  amount: string;
  paid: { cash: string; income: string; gift: string; voucher: string };
  orderId: string | null;
  settlementId?: string | null;
};
type ResourceRow = {
  resourceId: string | null;
  alias: string;
  project: string | null;
  region: string | null;
  product: string;
  total: string;
  count: number;
  accountWide: boolean;
};
type Summary = { count: number; total: string };
type Page<T> = { items: T[]; nextCursor: string | null; summary: Summary };
type Overview = {
  month: string;
  total: string;
  count: number;
  byProduct: { product: string; total: string }[];
  byBillingMode: { billingMode: string; total: string }[];
  trend: { month: string; total: string }[];
  settled: boolean;
};

const t = useTestApp();
const demo = useLogin(t, 'demo@example.com');

const sum = (xs: string[]) => xs.reduce((a, x) => a + parseMoney(x), 0n);
const qs = (params: Record<string, string | undefined>) =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v ?? '')}`)
    .join('&');

/** Every row of a bill list for a filter, with the summary of its first page. */
async function allRows<T>(
  c: Client,
  list: 'items' | 'resources',
  filter: Record<string, string | undefined>,
  limit: number,
) {
  const pages = await allPages<Page<T>>(c, `/api/v1/bills/${list}?${qs({ ...filter, limit: String(limit) })}`);
  return { items: pages.flatMap((p) => p.items), summary: pages[0]?.summary ?? { count: 0, total: '0.00' } };
}
const allItems = (c: Client, filter: Record<string, string | undefined>, limit = 200) =>
  allRows<Item>(c, 'items', filter, limit);
const allResources = (c: Client, filter: Record<string, string | undefined>, limit = 200) =>
  allRows<ResourceRow>(c, 'resources', filter, limit);

async function overview(c: Client, filter: Record<string, string | undefined>) {
  const res = await c.get(`/api/v1/bills/overview?${qs(filter)}`);
  expect(res.status).toBe(200);
  return json<Overview>(res);
}

/** R5.5: itemized rows = resource-ID bill = overview, to the cent, for this filter. */
async function expectReconciled(c: Client, filter: Record<string, string | undefined>, limit = 200) {
  const items = await allItems(c, filter, limit);
  const res = await allResources(c, filter, Math.min(limit, 200));
  const ov = await overview(c, filter);
  const itemsTotal = sum(items.items.map((i) => i.amount));
  expect(new Set(items.items.map((i) => i.id)).size).toBe(items.items.length);
  expect(items.summary.count).toBe(items.items.length);
  expect(parseMoney(items.summary.total)).toBe(itemsTotal);
  expect(sum(res.items.map((r) => r.total))).toBe(itemsTotal);
  expect(res.items.reduce((a, r) => a + r.count, 0)).toBe(items.items.length);
  expect(parseMoney(res.summary.total)).toBe(itemsTotal);
  expect(parseMoney(ov.total)).toBe(itemsTotal);
  expect(ov.count).toBe(items.items.length);
  expect(sum(ov.byProduct.map((p) => p.total))).toBe(itemsTotal);
  expect(sum(ov.byBillingMode.map((p) => p.total))).toBe(itemsTotal);
  expect(ov.trend.at(-1)).toEqual({ month: filter.month, total: ov.total });
  return { items: items.items, resources: res.items, overview: ov, total: itemsTotal };
}

type ChargeInsert = typeof charges.$inferInsert;
function charge(accountId: string, at: string, extra: Partial<ChargeInsert> = {}): ChargeInsert {
  const occurredAt = new Date(at);
  return {
    accountId,
    occurredAt,
    month: cstMonth(occurredAt),
    resourceId: 'res-kyc-prod',
    product: 'realname',
    label: 'identity.basic',
    billingMode: 'postpaid',
    transactionType: 'daily_settlement',
    unitPrice: '0.3000',
    quantity: 10,
    amount: '3.0000',
    paidCash: '3.0000',
    ...extra,
  };
}

const MONTHS = ['2026-08', '2026-09', '2026-10', '2026-11'];

describe('R5.5 overview', () => {
  it('R5.5 splits the month by product and billing mode, each adding up to the total', async () => {
    const ov = await overview(demo, { month: '2026-10' });
    expect(ov.month).toBe('2026-10');
    expect(ov.total).toMatch(/^-?\d+\.\d{2}$/);
    expect(parseMoney(ov.total)).toBeGreaterThan(0n);
    expect(sum(ov.byProduct.map((p) => p.total))).toBe(parseMoney(ov.total));
    expect(sum(ov.byBillingMode.map((p) => p.total))).toBe(parseMoney(ov.total));
    expect(new Set(ov.byBillingMode.map((m) => m.billingMode))).toEqual(new Set(['prepaid', 'postpaid']));
  });

  it('R5.5 trend lists the 12 months ending at the month, oldest first, empty months at 0.00', async () => {
    const ov = await overview(demo, { month: '2026-11' });
    expect(ov.trend.map((m) => m.month)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    expect(ov.trend[0]?.total).toBe('0.00');
    for (const m of MONTHS) {
      const one = await overview(demo, { month: m });
      expect(ov.trend.find((x) => x.month === m)?.total).toBe(one.total);
    }
  });

  it('R5.5 a month is settled once its last day is settled; the current month is not', async () => {
    expect((await overview(demo, { month: '2026-10' })).settled).toBe(true);
    expect((await overview(demo, { month: '2026-11' })).settled).toBe(false);
  });

  it('refuses a missing or malformed month with 400 INVALID_REQUEST naming the field', async () => {
    for (const q of ['', 'month=2026-13', 'month=2026-1', 'month=abc']) {
      const res = await demo.get(`/api/v1/bills/overview?${q}`);
      expect(res.status).toBe(400);
      const body = await json<{ code: string; errors: { path: string }[] }>(res);
      expect(body.code).toBe('INVALID_REQUEST');
      expect(body.errors.map((e) => e.path)).toContain('month');
    }
  });
});

describe('R5.5 reconciliation on the seeded demo account', () => {
  it.each(MONTHS)('R5.5 itemized rows of %s sum exactly to the resource-ID bill and the overview', async (month) => {
    const r = await expectReconciled(demo, { month });
    const [raw] = await rows<{ total: string; n: string | number }>(
      t.deps.db,
      sql`select coalesce(sum(amount), 0)::text as total, count(*) as n from charges where account_id = 'acct_demo' and month = ${month}`,
    );
    expect(r.total).toBe(parseMoney(raw?.total ?? '0'));
    expect(r.items.length).toBe(Number(raw?.n));
  });

  it('R5.5 reconciles for every filter on the demo account', async () => {
    const filters: Record<string, string>[] = [
      { product: 'risk' },
      { billingMode: 'prepaid' },
      { billingMode: 'postpaid' },
      { transactionType: 'refund' },
      { transactionType: 'purchase' },
      { transactionType: 'daily_settlement' },
      { project: 'onboarding' },
      { region: 'ap-beijing' },
      { q: 'risk' },
      { q: 'kyc prod' },
      { q: 'res-kyc-prod', billingMode: 'postpaid' },
    ];
    for (const month of MONTHS) {
      for (const f of filters) await expectReconciled(demo, { month, ...f });
    }
  });
});

describe('R5.5 filters', () => {
  const month = '2026-10';

  it('R5.5 filters the itemized bill by product, billing mode and transaction type', async () => {
    const all = (await allItems(demo, { month })).items;
    for (const [key, field] of [
      ['product', 'product'],
      ['billingMode', 'billingMode'],
      ['transactionType', 'transactionType'],
    ] as const) {
      const values = [...new Set(all.map((i) => i[field]))];
      expect(values.length).toBeGreaterThan(1);
      for (const v of values) {
        const got = (await allItems(demo, { month, [key]: v })).items;
        expect(got.map((i) => i.id).sort()).toEqual(
          all
            .filter((i) => i[field] === v)
            .map((i) => i.id)
            .sort(),
        );
      }
    }
  });

  it('R5.5 filters by project and region through the resources, leaving out account-wide rows', async () => {
    const all = (await allItems(demo, { month })).items;
    const byProject = (await allItems(demo, { month, project: 'risk' })).items;
    expect(byProject.length).toBeGreaterThan(0);
    expect(byProject.every((i) => i.resourceId === 'res-risk-web' && i.project === 'risk')).toBe(true);
    expect(byProject.length).toBe(all.filter((i) => i.resourceId === 'res-risk-web').length);
    const byRegion = (await allItems(demo, { month, region: 'ap-guangzhou' })).items;
    expect(byRegion.length).toBeGreaterThan(0);
    expect(byRegion.every((i) => i.region === 'ap-guangzhou' && i.resourceId === 'res-kyc-prod')).toBe(true);
    expect((await allItems(demo, { month, project: 'no-such-project' })).items).toEqual([]);
  });

  it('R5.5 searches by resource id or alias, case-insensitively', async () => {
    const byId = (await allItems(demo, { month, q: 'RES-RISK' })).items;
    const byAlias = (await allItems(demo, { month, q: 'risk web' })).items;
    const byChinese = (await allItems(demo, { month, q: '风控' })).items;
    expect(byId.length).toBeGreaterThan(0);
    expect(byAlias.map((i) => i.id)).toEqual(byId.map((i) => i.id));
    expect(byChinese.map((i) => i.id)).toEqual(byId.map((i) => i.id));
    expect((await allItems(demo, { month, q: '%' })).items).toEqual([]);
    expect((await allItems(demo, { month, q: 'nothing-matches' })).summary).toEqual({ count: 0, total: '0.00' });
  });

  it('R5.5 filters combine, and an empty filter value means no filter', async () => {
    const both = (await allItems(demo, { month, product: 'risk', transactionType: 'daily_settlement', q: 'risk' }))
      .items;
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((i) => i.product === 'risk' && i.transactionType === 'daily_settlement')).toBe(true);
    const empty = await allItems(demo, { month, product: '', billingMode: '', transactionType: '', q: '' });
    expect(empty.items.length).toBe((await allItems(demo, { month })).items.length);
  });

  it('R5.5 filters the resource-ID bill the same way', async () => {
    const risk = (await allResources(demo, { month, project: 'risk' })).items;
    expect(risk.length).toBeGreaterThan(0);
    expect(risk.every((r) => r.resourceId === 'res-risk-web' && r.project === 'risk')).toBe(true);
    const refunds = (await allResources(demo, { month: '2026-11', transactionType: 'refund' })).items;
    expect(refunds.every((r) => r.accountWide && parseMoney(r.total) < 0n)).toBe(true);
  });

  it('refuses unknown billing modes, transaction types, a limit over 200 and a forged cursor', async () => {
    for (const q of [
      `month=${month}&billingMode=free`,
      `month=${month}&transactionType=gift`,
      `month=${month}&limit=201`,
      `month=${month}&cursor=not-a-cursor`,
      `month=${month}&cursor=${Buffer.from('["x","1"]').toString('base64url')}`,
    ]) {
      for (const path of ['/api/v1/bills/items', '/api/v1/bills/resources']) {
        const res = await demo.get(`${path}?${q}`);
        expect(res.status, `${path}?${q}`).toBe(400);
        expect((await json(res)).code).toBe('INVALID_REQUEST');
      }
    }
  });
});

describe('R5.5 resource-ID bill', () => {
  it('R5.5 shows one row per resource and product with alias, project and region, total desc', async () => {
    const { items } = await allResources(demo, { month: '2026-10' });
    const keys = items.map((r) => `${r.resourceId}|${r.product}`);
    expect(new Set(keys).size).toBe(keys.length);
    const risk = items.find((r) => r.resourceId === 'res-risk-web');
    expect(risk).toMatchObject({
      alias: '风控网页 / Risk web',
      project: 'risk',
      region: 'ap-beijing',
      product: 'risk',
    });
    const totals = items.map((r) => parseMoney(r.total));
    expect(totals).toEqual([...totals].sort((a, b) => (a === b ? 0 : a > b ? -1 : 1)));
  });

  it('R5.5 shows purchases and refunds as account-wide rows (resourceId null, alias "(account-wide)")', async () => {
    const purchases = await allResources(demo, { month: '2026-11', transactionType: 'purchase' });
    const refunds = await allResources(demo, { month: '2026-11', transactionType: 'refund' });
    const items = [...purchases.items, ...refunds.items];
    expect(items.length).toBeGreaterThan(0);
    for (const r of items) {
      expect(r).toMatchObject({
        resourceId: null,
        alias: '(account-wide)',
        project: null,
        region: null,
        accountWide: true,
      });
    }
  });

  it('R5.5 pages the resource-ID bill by keyset without repeating or losing a row', async () => {
    const one = await allResources(demo, { month: '2026-10' }, 200);
    const paged = await allResources(demo, { month: '2026-10' }, 1);
    expect(paged.items).toEqual(one.items);
    expect(one.items.length).toBeGreaterThan(2);
  });

  it('R5.5 drills from a resource into its own itemized rows', async () => {
    const { items } = await allResources(demo, { month: '2026-10' });
    const r = items.find((x) => x.resourceId === 'res-kyc-prod');
    if (!r?.resourceId) throw new Error('no res-kyc-prod row');
    const own = await allItems(demo, { month: '2026-10', q: r.resourceId, product: r.product });
    expect(own.items.length).toBe(r.count);
    expect(sum(own.items.map((i) => i.amount))).toBe(parseMoney(r.total));
  });
});

describe('R5.5 itemized bill', () => {
  it('R5.5 shows every field of a charge: time in +08:00, decimal strings, paid split, order link', async () => {
    const { items } = await allItems(demo, { month: '2026-11', transactionType: 'purchase' });
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) {
      expect(i.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
      expect(i.billingMode).toBe('prepaid');
      expect(i.orderId).not.toBeNull();
      expect(i.resourceId).toBeNull();
      expect(i.amount).toMatch(/^\d+\.\d{2}$/);
      const paid = sum([i.paid.cash, i.paid.income, i.paid.gift, i.paid.voucher]);
      expect(paid).toBe(parseMoney(i.amount));
    }
    const risk = (await allItems(demo, { month: '2026-10', product: 'risk' })).items[0];
    expect(risk?.unitPrice).toBe('0.0035');
    expect(risk?.alias).toBe('风控网页 / Risk web');
  });

  it('R5.5 orders rows newest first by (occurredAt, id)', async () => {
    const { items } = await allItems(demo, { month: '2026-10' }, 7);
    const times = items.map((i) => Date.parse(i.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('R5.5 a charge at 23:59:59 CST on the last day belongs to that month, 00:00 the next day to the next', async () => {
    const [late, early] = await t.deps.db
      .insert(charges)
      .values([
        charge('acct_demo', '2026-10-31T23:59:59+08:00', { label: 'edge.late', amount: '1.2300', paidCash: '1.2300' }),
        charge('acct_demo', '2026-11-01T00:00:00+08:00', { label: 'edge.early', amount: '4.5600', paidCash: '4.5600' }),
      ])
      .returning({ id: charges.id, month: charges.month });
    expect(late?.month).toBe('2026-10');
    expect(early?.month).toBe('2026-11');
    const oct = (await allItems(demo, { month: '2026-10' })).items;
    const nov = (await allItems(demo, { month: '2026-11' })).items;
    expect(oct.find((i) => i.id === String(late?.id))?.occurredAt).toBe('2026-10-31T23:59:59+08:00');
    expect(nov.some((i) => i.id === String(late?.id))).toBe(false);
    expect(nov.find((i) => i.id === String(early?.id))?.occurredAt).toBe('2026-11-01T00:00:00+08:00');
    await expectReconciled(demo, { month: '2026-10' });
    await expectReconciled(demo, { month: '2026-11' });
  });

  it('R5.5 shows pack deductions as zero-amount rows with their call counts', async () => {
    const before = (await allItems(demo, { month: '2026-09', transactionType: 'pack_deduction' })).items;
    expect(before.every((i) => i.amount === '0.00' && i.quantity > 0)).toBe(true);
    await t.deps.db.insert(charges).values(
      charge('acct_demo', '2026-09-15T10:00:00+08:00', {
        billingMode: 'prepaid',
        transactionType: 'pack_deduction',
        quantity: 321,
        amount: '0',
        paidCash: '0',
        packId: 1n,
      }),
    );
    const { items } = await allItems(demo, { month: '2026-09', transactionType: 'pack_deduction' });
    expect(items).toHaveLength(before.length + 1);
    expect(items.find((i) => i.quantity === 321)).toMatchObject({
      amount: '0.00',
      quantity: 321,
      billingMode: 'prepaid',
      resourceId: 'res-kyc-prod',
    });
    await expectReconciled(demo, { month: '2026-09' });
  });

  it('R5.5 keyset cursors keep microseconds: rows within one second are neither lost nor repeated', async () => {
    await t.deps.db.execute(sql`
      insert into charges (account_id, occurred_at, month, resource_id, product, label, billing_mode,
                           transaction_type, unit_price, quantity, amount)
      select 'acct_demo', timestamptz '2026-06-10 10:00:00+08' + make_interval(secs => k / 1000000.0), '2026-06',
             'res-kyc-test', 'realname', 'us.' || k, 'postpaid', 'daily_settlement', 0.3, 1, 0.30
        from generate_series(1, 5) k`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const body: Page<Item> = await json(
        await demo.get(`/api/v1/bills/items?${qs({ month: '2026-06', limit: '1', cursor: cursor ?? undefined })}`),
      );
      seen.push(...body.items.map((i) => i.label));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['us.5', 'us.4', 'us.3', 'us.2', 'us.1']);
  });

  it('R5.5 keyset pages stay stable while rows are inserted between pages: none lost, none repeated', async () => {
    const month = '2026-10';
    const before = (await allItems(demo, { month })).items;
    expect(before.length).toBeGreaterThan(20);
    const seen: string[] = [];
    let cursor: string | null = null;
    let page = 0;
    do {
      const res = await demo.get(`/api/v1/bills/items?${qs({ month, limit: '7', cursor: cursor ?? undefined })}`);
      const body = await json<Page<Item>>(res);
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
      page++;
      // Between pages: one row newer than everything, one at exactly the boundary time of the last
      // row seen, one in the part still to come.
      const last = body.items.at(-1);
      if (last && page < 4) {
        await t.deps.db
          .insert(charges)
          .values([
            charge('acct_demo', '2026-10-31T23:00:00+08:00', { label: `ins.new.${page}` }),
            charge('acct_demo', last.occurredAt, { label: `ins.same.${page}` }),
            charge('acct_demo', '2026-10-01T00:00:01+08:00', { label: `ins.old.${page}` }),
          ]);
      }
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    for (const i of before) expect(seen).toContain(i.id);
    await expectReconciled(demo, { month });
  });
});

describe('R5.5 another account never sees these rows', () => {
  it("R5.5 another account's bill rows never appear, whatever the filter", async () => {
    const other = await t.login('other@example.com');
    const ownIds = new Set(
      (
        await rows<{ id: string }>(t.deps.db, sql`select id::text as id from charges where account_id = 'acct_other'`)
      ).map((r) => r.id),
    );
    for (const month of MONTHS) {
      for (const f of [
        {},
        { q: 'res-kyc-prod' },
        { q: 'KYC' },
        { project: 'onboarding' },
        { region: 'ap-beijing' },
        { product: 'risk' },
        { transactionType: 'refund' },
        { billingMode: 'postpaid' },
      ] as Record<string, string>[]) {
        const items = await allItems(other, { month, ...f });
        for (const i of items.items) expect(ownIds.has(i.id)).toBe(true);
        const res = await allResources(other, { month, ...f });
        expect(res.items.every((r) => r.resourceId === null || r.resourceId === 'res-other-app')).toBe(true);
        if (Object.keys(f).length > 0) {
          expect(items.items).toEqual([]);
          const csv = await (await other.get(`/api/v1/bills/items.csv?${qs({ month, ...f })}`)).text();
          expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1);
        }
      }
    }
    // And the other way round: the demo owner searching for the other account's resource finds nothing.
    expect((await allItems(demo, { month: '2026-11', q: 'res-other-app' })).items).toEqual([]);
    expect((await overview(demo, { month: '2026-11', q: 'Other app' })).total).toBe('0.00');
  });

  it('answers 401 without a session and 403 to staff without an impersonation', async () => {
    for (const p of ['overview', 'resources', 'items', 'items.csv']) {
      expect((await t.anon.get(`/api/v1/bills/${p}?month=2026-10`)).status).toBe(401);
    }
    const agent = await t.login('agent@example.com');
    expect((await agent.get('/api/v1/bills/items?month=2026-10')).status).toBe(403);
  });
});

describe('R5.5 CSV download', () => {
  function parseCsvLine(line: string): string[] {
    const out: string[] = [];
    let cur = '';
    let inQ = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (inQ) {
        if (ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') inQ = false;
        else cur += ch;
      } else if (ch === '"') inQ = true;
      else if (ch === ',') {
        out.push(cur);
        cur = '';
      } else cur += ch;
    }
    out.push(cur);
    return out;
  }

  it("R5.5 streams UTF-8 with BOM, a header row in the reader's language and exactly the rows of the itemized bill, in order, with localized names and words and the usage date of settlement lines", async () => {
    const catalog = await json<{ items: { code: string; nameZh: string; nameEn: string }[] }>(
      await demo.get('/api/v1/catalog'),
    );
    const periods = new Map(
      (await t.deps.db.select({ id: settlements.id, period: settlements.period }).from(settlements)).map((r) => [
        r.id,
        r.period,
      ]),
    );
    let settlementLines = 0;
    for (const [f, lang] of [
      [{ month: '2026-10' }, 'zh-CN'],
      [{ month: '2026-10' }, 'en'],
      [{ month: '2026-10', product: 'risk' }, 'zh-CN'],
      [{ month: '2026-11', billingMode: 'prepaid' }, 'en'],
    ] as const) {
      const res = await demo.get(`/api/v1/bills/items.csv?${qs({ ...f, lang })}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
      const lines = text.split('\r\n');
      expect(lines.at(-1)).toBe('');
      const [header, ...data] = lines.slice(0, -1);
      const words = csvWords(lang);
      expect(header).toBe(CSV_COLUMNS.map((c) => words.headers[c]).join(','));
      expect(header).toContain(lang === 'en' ? 'Usage date' : '用量日期');
      const items = await allItems(demo, f);
      expect(data).toHaveLength(items.summary.count);
      expect(data).toHaveLength(items.items.length);
      data.forEach((line, n) => {
        const rec = Object.fromEntries(parseCsvLine(line).map((v, k) => [CSV_COLUMNS[k], v]));
        const it = items.items[n];
        if (!it) throw new Error('missing item');
        const cat = catalog.items.find((c) => c.code === it.label);
        // The settlement's period; R5.1 without one: a daily settlement on D+1 (CST) bills day D.
        const cstDayBefore = new Date(Date.parse(it.occurredAt) + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
        const usageDate =
          (it.settlementId ? periods.get(it.settlementId) : undefined) ??
          (it.transactionType === 'daily_settlement'
            ? cstDayBefore
            : it.transactionType === 'monthly_settlement'
              ? it.month
              : '');
        if (it.transactionType === 'daily_settlement') {
          settlementLines++;
          expect(usageDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
        expect(rec).toEqual({
          id: it.id,
          occurredAt: it.occurredAt,
          usageDate,
          month: it.month,
          resourceId: it.resourceId ?? '',
          alias: it.alias ?? '',
          project: it.project ?? '',
          region: it.region ?? '',
          product: words.products[it.product] ?? it.product,
          label: (lang === 'en' ? cat?.nameEn : cat?.nameZh) ?? words.extraLabels[it.label] ?? it.label,
          billingMode: words.billingModes[it.billingMode],
          transactionType: words.transactionTypes[it.transactionType],
          unitPrice: it.unitPrice,
          quantity: String(it.quantity),
          amount: it.amount,
          paidCash: it.paid.cash,
          paidIncome: it.paid.income,
          paidGift: it.paid.gift,
          paidVoucher: it.paid.voucher,
          orderId: it.orderId ?? '',
        });
        // R5.5 no code-only values in the Chinese file: the words are Chinese.
        if (lang === 'zh-CN') {
          expect(rec.billingMode).toMatch(/[\u4e00-\u9fff]/);
          expect(rec.transactionType).toMatch(/[\u4e00-\u9fff]/);
        }
      });
    }
    expect(settlementLines).toBeGreaterThan(0);
  });

  it('R5.5 the CSV language is lang=zh-CN|en, else the first English or Chinese Accept-Language, else Chinese', () => {
    expect(csvLang('en', 'zh-CN')).toBe('en');
    expect(csvLang('zh-CN', 'en-US')).toBe('zh-CN');
    expect(csvLang(undefined, 'en-US,en;q=0.9')).toBe('en');
    expect(csvLang(undefined, 'fr-FR, zh-CN;q=0.8')).toBe('zh-CN');
    expect(csvLang(undefined, undefined)).toBe('zh-CN');
    expect(csvLang('de', 'de-DE')).toBe('zh-CN');
  });

  it('R5.5 names a settled month bill-<month>.csv and marks a month still open as provisional', async () => {
    const settled = await demo.get('/api/v1/bills/items.csv?month=2026-10');
    expect(settled.headers.get('content-disposition')).toBe('attachment; filename="bill-2026-10.csv"');
    expect(settled.headers.get('x-bill-settled')).toBe('true');
    await settled.arrayBuffer();
    const open = await demo.get('/api/v1/bills/items.csv?month=2026-11');
    expect(open.headers.get('content-disposition')).toBe('attachment; filename="bill-2026-11-provisional.csv"');
    expect(open.headers.get('x-bill-settled')).toBe('false');
    await open.arrayBuffer();
  });

  it('R5.5 quotes text and defuses spreadsheet formulas in customer-typed aliases', async () => {
    await t.deps.db
      .insert(resources)
      .values({ id: 'res-csv-evil', accountId: 'acct_demo', alias: '=HYPERLINK("x"),a', project: 'p', region: 'r' });
    await t.deps.db
      .insert(charges)
      .values(charge('acct_demo', '2026-07-10T10:00:00+08:00', { resourceId: 'res-csv-evil' }));
    const text = await (await demo.get('/api/v1/bills/items.csv?month=2026-07&q=res-csv-evil')).text();
    const line = text.split('\r\n')[1] ?? '';
    expect(line).toContain(`"'=HYPERLINK(""x""),a"`);
  });
});

describe('R5.5 column chooser (per user)', () => {
  it('R5.5 starts with every column, keeps a chosen order across sign-out, and is per user', async () => {
    const c = await t.login('demo@example.com');
    const def = await json<{ columns: string[]; available: string[]; isDefault: boolean }>(
      await c.get('/api/v1/preferences/bill-columns'),
    );
    expect(def.isDefault).toBe(true);
    expect(def.columns).toEqual(def.available);
    const chosen = ['amount', 'occurredAt', 'alias', 'transactionType'];
    const put = await c.put('/api/v1/preferences/bill-columns', { columns: chosen });
    expect(put.status).toBe(200);
    expect((await json<{ columns: string[] }>(put)).columns).toEqual(chosen);
    expect((await c.post('/api/v1/auth/logout')).status).toBe(204);
    const again = await t.login('demo@example.com');
    const kept = await json<{ columns: string[]; isDefault: boolean }>(
      await again.get('/api/v1/preferences/bill-columns'),
    );
    expect(kept).toMatchObject({ columns: chosen, isDefault: false });
    // Another user of the same account keeps their own (default) choice.
    const viewer = await t.login('viewer@example.com');
    const theirs = await json<{ isDefault: boolean }>(await viewer.get('/api/v1/preferences/bill-columns'));
    expect(theirs.isDefault).toBe(true);
    expect((await viewer.put('/api/v1/preferences/bill-columns', { columns: ['label'] })).status).toBe(200);
    expect((await json<{ columns: string[] }>(await again.get('/api/v1/preferences/bill-columns'))).columns).toEqual(
      chosen,
    );
  });

  it('refuses unknown, repeated or no columns with 400 INVALID_REQUEST', async () => {
    const c = await t.login('demo@example.com');
    for (const body of [{ columns: ['nope'] }, { columns: ['amount', 'amount'] }, { columns: [] }, {}]) {
      const res = await c.put('/api/v1/preferences/bill-columns', body);
      expect(res.status).toBe(400);
      expect((await json(res)).code).toBe('INVALID_REQUEST');
    }
    expect((await t.anon.get('/api/v1/preferences/bill-columns')).status).toBe(401);
  });
});

describe('R5.5 property: generated charges reconcile for random filters', () => {
  const ACCOUNT = 'acct_bills_prop';
  const RES = [
    { id: 'res-p-a', alias: 'Alpha app', project: 'p1', region: 'ap-beijing' },
    { id: 'res-p-b', alias: 'Beta app', project: 'p1', region: 'ap-shanghai' },
    { id: 'res-p-c', alias: 'Gamma app', project: 'p2', region: 'ap-beijing' },
  ];
  let c: Client;

  beforeAll(async () => {
    await t.deps.db.insert(accounts).values({
      id: ACCOUNT,
      name: 'Property Co.',
      settlement: 'daily',
      activatedAt: new Date('2024-01-01T00:00:00Z'),
    });
    await t.deps.db.insert(users).values({
      id: 'usr_bills_prop',
      email: 'bills-prop@example.com',
      name: 'Prop',
      passwordHash: await hashPassword('prop-pass-2026'),
      kind: 'customer',
      roles: ['viewer'],
      accountId: ACCOUNT,
    });
    await t.deps.db.insert(resources).values(RES.map((r) => ({ ...r, accountId: ACCOUNT })));
    c = await t.login('bills-prop@example.com', 'prop-pass-2026');
  });

  const types = ['purchase', 'refund', 'daily_settlement', 'monthly_settlement', 'pack_deduction'] as const;
  const chargeArb = fc
    .record({
      // Instants around the Sep/Oct/Nov month boundaries, to the second.
      seconds: fc.integer({ min: 0, max: 75 * 86_400 }),
      resource: fc.constantFrom<string | null>(null, 'res-p-a', 'res-p-b', 'res-p-c', 'res-unregistered'),
      product: fc.constantFrom('realname', 'face', 'risk'),
      type: fc.constantFrom(...types),
      cents: fc.integer({ min: 0, max: 5_000_000 }),
      quantity: fc.integer({ min: 0, max: 100_000 }),
    })
    .map((g) => {
      const at = new Date(Date.parse('2026-09-01T00:00:00+08:00') - 5 * 86_400_000 + g.seconds * 1000);
      const accountWide = g.type === 'purchase' || g.type === 'refund';
      const mode = g.type === 'daily_settlement' || g.type === 'monthly_settlement' ? 'postpaid' : 'prepaid';
      const units = g.type === 'pack_deduction' ? 0n : BigInt(g.cents) * 100n * (g.type === 'refund' ? -1n : 1n);
      return {
        accountId: ACCOUNT,
        occurredAt: at,
        month: cstMonth(at),
        resourceId: accountWide ? null : g.resource,
        product: g.product,
        label: `${g.product}.x`,
        billingMode: mode,
        transactionType: g.type,
        unitPrice: '0.0035',
        quantity: g.quantity,
        amount: formatMoney4(units),
        paidCash: formatMoney4(units),
      } satisfies ChargeInsert;
    });
  const filterArb = fc.record(
    {
      month: fc.constantFrom('2026-08', '2026-09', '2026-10', '2026-11'),
      product: fc.constantFrom('realname', 'face', 'risk'),
      billingMode: fc.constantFrom('prepaid', 'postpaid'),
      transactionType: fc.constantFrom(...types),
      project: fc.constantFrom('p1', 'p2'),
      region: fc.constantFrom('ap-beijing', 'ap-shanghai'),
      q: fc.constantFrom('alpha', 'res-p-b', 'APP', 'res-unregistered'),
    },
    { requiredKeys: ['month'] },
  );

  it('R5.5 items sum = resource-ID bill sum = overview total = the generated charges, for random filters', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(chargeArb, { minLength: 0, maxLength: 40 }), filterArb, async (generated, filter) => {
        // Deleting goes through the aggregate triggers too (they subtract).
        await t.deps.db.delete(charges).where(sql`${charges.accountId} = ${ACCOUNT}`);
        if (generated.length > 0) await t.deps.db.insert(charges).values(generated);
        const r = await expectReconciled(c, filter, 7);
        // The oracle: the same filter applied to the generated rows in memory.
        const res = new Map(RES.map((x) => [x.id, x]));
        const q = filter.q?.toLowerCase();
        const expected = generated.filter((g) => {
          if (g.month !== filter.month) return false;
          if (filter.product && g.product !== filter.product) return false;
          if (filter.billingMode && g.billingMode !== filter.billingMode) return false;
          if (filter.transactionType && g.transactionType !== filter.transactionType) return false;
          if (filter.project || filter.region || q) {
            if (g.resourceId === null) return false;
            const known = res.get(g.resourceId);
            if (filter.project && known?.project !== filter.project) return false;
            if (filter.region && known?.region !== filter.region) return false;
            if (q) {
              const hit =
                g.resourceId.toLowerCase().includes(q) ||
                (known?.alias.toLowerCase().includes(q) ?? false) ||
                (!filter.project && !filter.region && g.resourceId === filter.q);
              if (!hit) return false;
            }
          }
          return true;
        });
        expect(r.items.length).toBe(expected.length);
        expect(r.total).toBe(sum(expected.map((g) => g.amount)));
      }),
      { numRuns: 40 },
    );
    const [agg] = await rows<{ n: string | number }>(
      t.deps.db,
      sql`select count(*) as n from (
            select account_id, month, resource_id, product, billing_mode, transaction_type, count(*) as row_count, sum(amount) as amount
              from charges group by 1, 2, 3, 4, 5, 6
            except
            select account_id, month, resource_id, product, billing_mode, transaction_type, row_count, amount from bill_aggregates
          ) d`,
    );
    expect(Number(agg?.n)).toBe(0);
  });
});
