import {
  addDays,
  type Balances,
  cstMonth,
  formatMoney4,
  giftPackExpiry,
  parseMoney,
  purchasedPackExpiry,
} from '@idv/billing';
import { accounts, charges, orders, packs, resources, usageEvents } from '@idv/db';
import { and, eq, sql } from 'drizzle-orm';
import { catalogMap } from '../src/repositories/catalog.ts';
import { balancesOf, ledgerBalances, postLedger } from '../src/repositories/ledger.ts';
import { issueServiceKey } from '../src/use-cases/resources/create-service-key.ts';
import type { TestApp } from './harness.ts';

/** Helpers for the usage and settlement tests: accounts, packs and keys straight in the database. */

export const cst = (s: string): Date => new Date(`${s}+08:00`);
let seq = 0;
const uid = (p: string) => `${p}_${Date.now().toString(36)}_${(seq++).toString(36)}`;

export interface AccountFixture {
  id: string;
  key: string;
  resources: [string, string];
}

export async function createAccount(
  t: TestApp,
  o: {
    settlement?: 'daily' | 'monthly';
    activatedAt?: Date;
    balances?: Partial<Record<keyof Balances, string>>;
    postpaidEnabled?: boolean;
    status?: 'active' | 'arrears' | 'suspended' | 'released';
    settledThrough?: string | null;
  } = {},
): Promise<AccountFixture> {
  const id = uid('acct');
  const db = t.deps.db;
  await db.insert(accounts).values({
    id,
    name: `Test ${id}`,
    settlement: o.settlement ?? 'daily',
    activatedAt: o.activatedAt ?? cst('2026-01-10T09:00:00'),
    postpaidEnabled: o.postpaidEnabled ?? true,
    status: o.status ?? 'active',
    settledThrough: o.settledThrough === undefined ? null : o.settledThrough,
  });
  const res: [string, string] = [`res-${id}-a`, `res-${id}-b`];
  await db
    .insert(resources)
    .values(res.map((r, i) => ({ id: r, accountId: id, alias: `App ${i}`, project: 'p', region: 'ap-guangzhou' })));
  const b = o.balances ?? {};
  if (b.cash || b.income || b.gift) {
    await db.transaction((tx) =>
      postLedger(tx, {
        accountId: id,
        amounts: {
          cash: parseMoney(b.cash ?? '0'),
          income: parseMoney(b.income ?? '0'),
          gift: parseMoney(b.gift ?? '0'),
        },
        reason: 'opening',
        refType: 'test',
        refId: id,
        at: cst('2026-01-10T09:00:00'),
      }),
    );
  }
  const { key } = await issueServiceKey(t.deps, id, 'test', t.clock.now());
  return { id, key, resources: res };
}

/**
 * Inserts a pack as the order flow would deliver it (R3.2 expiries). A purchase also gets its order
 * and its 'purchase' charge at `price`, paid from cash with a ledger entry, so bills add up (R5.4).
 */
export async function addPack(
  t: TestApp,
  accountId: string,
  p: {
    label: string;
    total: number;
    source?: 'gift' | 'purchase';
    acquiredAt: Date;
    expiresAt?: Date;
    used?: number;
    price?: string;
  },
): Promise<bigint> {
  const db = t.deps.db;
  const source = p.source ?? 'purchase';
  const expiresAt =
    p.expiresAt ?? (source === 'purchase' ? purchasedPackExpiry(p.acquiredAt) : giftPackExpiry(p.acquiredAt));
  return db.transaction(async (tx) => {
    let orderId: string | null = null;
    if (source === 'purchase' && p.price) {
      orderId = uid('ord');
      const price = formatMoney4(parseMoney(p.price));
      await tx.insert(orders).values({
        id: orderId,
        accountId,
        label: p.label,
        size: p.total,
        quantity: 1,
        tierPrice: price,
        amount: price,
        paidVoucher: '0',
        paidGift: '0',
        paidIncome: '0',
        paidCash: price,
        createdAt: p.acquiredAt,
      });
    }
    const [row] = await tx
      .insert(packs)
      .values({
        accountId,
        label: p.label,
        source,
        total: p.total,
        used: p.used ?? 0,
        status: (p.used ?? 0) >= p.total ? 'exhausted' : 'active',
        acquiredAt: p.acquiredAt,
        expiresAt,
        orderId,
        orderIndex: orderId ? 0 : null,
      })
      .returning({ id: packs.id });
    if (!row) throw new Error('pack insert');
    if (orderId && p.price) {
      const amount = parseMoney(p.price);
      await tx.insert(charges).values({
        accountId,
        occurredAt: p.acquiredAt,
        month: cstMonth(p.acquiredAt),
        product: (await catalogMap(t.deps.db)).get(p.label)?.product ?? '',
        label: p.label,
        billingMode: 'prepaid',
        transactionType: 'purchase',
        unitPrice: formatMoney4(amount / BigInt(p.total)),
        quantity: 1,
        amount: formatMoney4(amount),
        paidCash: formatMoney4(amount),
        orderId,
        packId: row.id,
      });
      await postLedger(tx, {
        accountId,
        amounts: { cash: -amount },
        reason: 'purchase',
        refType: 'order',
        refId: orderId,
        at: p.acquiredAt,
      });
    }
    return row.id;
  });
}

export interface Ev {
  id: string;
  label: string;
  resourceId: string;
  result: string;
  occurredAt: string;
}

export const ev = (id: string, label: string, resourceId: string, occurredAt: string, result = 'success'): Ev => ({
  id,
  label,
  resourceId,
  result,
  occurredAt,
});

export type Outcome = { id: string; outcome: string; packId?: string; code?: string };

export async function ingest(t: TestApp, key: string, events: readonly Ev[]): Promise<Response> {
  return t.app.request('http://localhost/api/v1/usage/events', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ events }),
  });
}

export async function ingestOk(t: TestApp, key: string, events: readonly Ev[]): Promise<Outcome[]> {
  const res = await ingest(t, key, events);
  if (res.status !== 200) throw new Error(`ingest → ${res.status} ${await res.text()}`);
  return ((await res.json()) as { outcomes: Outcome[] }).outcomes;
}

/** Sends `n` events in batches of up to 1000, ids `${prefix}-${i}`, spread over `day` 09:00–09:59. */
export async function ingestMany(
  t: TestApp,
  key: string,
  n: number,
  o: { prefix: string; label: string; resourceId: string; day: string },
): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (let start = 0; start < n; start += 1000) {
    const batch: Ev[] = [];
    for (let i = start; i < Math.min(n, start + 1000); i++) {
      const sec = i % 3600;
      const at = `${o.day}T09:${String(Math.floor(sec / 60)).padStart(2, '0')}:${String(sec % 60).padStart(2, '0')}+08:00`;
      batch.push(ev(`${o.prefix}-${i}`, o.label, o.resourceId, at));
    }
    out.push(...(await ingestOk(t, key, batch)));
  }
  return out;
}

export async function accountRow(t: TestApp, id: string) {
  const [a] = await t.deps.db.select().from(accounts).where(eq(accounts.id, id));
  if (!a) throw new Error(`no account ${id}`);
  return a;
}

export async function chargesOf(t: TestApp, accountId: string, type?: string) {
  const list = await t.deps.db.select().from(charges).where(eq(charges.accountId, accountId));
  return type ? list.filter((c) => c.transactionType === type) : list;
}

export async function packRow(t: TestApp, id: bigint) {
  const [p] = await t.deps.db.select().from(packs).where(eq(packs.id, id));
  if (!p) throw new Error(`no pack ${id}`);
  return p;
}

export async function eventRow(t: TestApp, accountId: string, eventId: string) {
  const [e] = await t.deps.db
    .select()
    .from(usageEvents)
    .where(and(eq(usageEvents.accountId, accountId), eq(usageEvents.eventId, eventId)));
  return e ?? null;
}

export async function countEvents(t: TestApp, accountId: string): Promise<number> {
  const [r] = await t.deps.db
    .select({ n: sql<number>`count(*)::int` })
    .from(usageEvents)
    .where(eq(usageEvents.accountId, accountId));
  return Number(r?.n ?? 0);
}

/** R2.4 The cached balances equal the sum of the ledger entries. */
export async function expectLedgerConsistent(t: TestApp, accountId: string): Promise<void> {
  const a = await accountRow(t, accountId);
  const cached = balancesOf(a);
  const fromLedger = await ledgerBalances(t.deps.db, accountId);
  if (cached.cash !== fromLedger.cash || cached.income !== fromLedger.income || cached.gift !== fromLedger.gift) {
    throw new Error(`ledger mismatch for ${accountId}: cached ${JSON.stringify(a)} vs ledger ${fromLedger}`);
  }
}

/** Sum of amounts (4-decimal strings) as a 2-decimal string. */
export function sumAmounts(list: readonly { amount: string }[]): string {
  const total = list.reduce((s, c) => s + parseMoney(c.amount), 0n);
  const cents = total / 100n;
  const neg = cents < 0n;
  const a = neg ? -cents : cents;
  return `${neg ? '-' : ''}${a / 100n}.${(a % 100n).toString().padStart(2, '0')}`;
}

/**
 * `perDay` settled postpaid calls of `label` at 12:00 CST on each of the `days` days before `before`,
 * written straight to usage_events: history for the forecast-based rules (R10.1 forecast, R10.3 anomaly).
 */
export async function insertPostpaidHistory(
  t: TestApp,
  accountId: string,
  resourceId: string,
  days: number,
  perDay: number,
  opts: { before?: string; label?: string } = {},
): Promise<void> {
  const before = opts.before ?? '2026-11-20';
  const values: (typeof usageEvents.$inferInsert)[] = [];
  for (let d = 1; d <= days; d++) {
    const day = addDays(before, -d);
    const at = cst(`${day}T12:00:00`);
    for (let i = 0; i < perDay; i++) {
      values.push({
        accountId,
        eventId: `h-${day}-${i}`,
        label: opts.label ?? 'basic.selfie',
        resourceId,
        result: 'success',
        occurredAt: at,
        day,
        outcome: 'postpaid',
        receivedAt: at,
      });
    }
  }
  for (let i = 0; i < values.length; i += 1000) await t.deps.db.insert(usageEvents).values(values.slice(i, i + 1000));
}
