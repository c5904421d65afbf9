import { randomUUID } from 'node:crypto';
import { accounts, charges, ledgerEntries, notifications, orders, packs, refunds, users } from '@idv/db';
import { and, count, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { getAccountRow } from '../src/repositories/accounts.ts';
import { balancesOf, ledgerBalances } from '../src/repositories/ledger.ts';
import { notify } from '../src/repositories/notifications.ts';
import { hashPassword } from '../src/use-cases/auth/sign-in.ts';
import type { Client, TestApp } from './harness.ts';
import { createAccount } from './usage-fixtures.ts';

/** Helpers for the order, refund and certificate tests (money in, money out). */

export const newKey = () => randomUUID();

/** "1234.56" → 123456n cents; throws on anything that is not a 2-decimal string. */
export function cents(s: string | undefined): bigint {
  if (s === undefined || !/^-?\d+\.\d{2}$/.test(s)) throw new Error(`not a 2-decimal amount: ${s}`);
  return BigInt(s.replace('.', ''));
}

let passwordHash: Promise<string> | null = null;

/** A fresh customer account with an owner who is signed in; balances as given (opening entries). */
export async function customer(
  t: TestApp,
  o: Parameters<typeof createAccount>[1] = {},
): Promise<{ id: string; key: string; c: Client; email: string }> {
  const a = await createAccount(t, o);
  passwordHash ??= hashPassword('demo-pass-2026');
  const email = `${a.id}@test.example`;
  await t.deps.db.insert(users).values({
    id: `usr_${a.id}`,
    email,
    name: 'Test Owner',
    passwordHash: await passwordHash,
    kind: 'customer',
    roles: ['owner'],
    accountId: a.id,
  });
  return { id: a.id, key: a.key, c: await t.login(email), email };
}

/** R2.4 ledger check: the cached balances equal the sum of the ledger entries. */
export async function expectLedgerConsistent(t: TestApp, accountId: string): Promise<void> {
  const row = await getAccountRow(t.deps.db, accountId);
  if (!row) throw new Error(`no account ${accountId}`);
  expect(balancesOf(row)).toEqual(await ledgerBalances(t.deps.db, accountId));
}

/** Everything a money movement could have touched, to prove that a refused one touched nothing. */
export async function moneySnapshot(t: TestApp, accountId: string) {
  const db = t.deps.db;
  const n = async (table: typeof orders | typeof packs | typeof ledgerEntries | typeof charges | typeof refunds) =>
    (await db.select({ n: count() }).from(table).where(eq(table.accountId, accountId)))[0]?.n ?? 0;
  const [a] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  return {
    balances: a ? balancesOf(a) : null,
    orders: await n(orders),
    packs: await n(packs),
    ledger: await n(ledgerEntries),
    charges: await n(charges),
    refunds: await n(refunds),
  };
}

export type PaidSplit = { voucher: string; gift: string; income: string; cash: string };
export type PackView = {
  id: string;
  label: string;
  source: string;
  status: string;
  total: number;
  used: number;
  acquiredAt: string;
  expiresAt: string;
  orderId: string | null;
  refund: {
    eligible: boolean;
    reason: string | null;
    reasonText: string | null;
    deadline: string | null;
    amount: string | null;
    split: { cash: string; income: string; gift: string } | null;
  };
};
export type OrderView = {
  id: string;
  label: string;
  size: number;
  quantity: number;
  amount: string;
  paid: PaidSplit;
  voucherId: string | null;
  packs: PackView[];
};
export type RefundView = {
  id: string;
  packId: string;
  orderId: string;
  amount: string;
  returned: { cash: string; income: string; gift: string };
};

export async function buy(
  c: Client,
  body: { label: string; size: number; quantity: number; voucherId?: string },
  key: string | null = newKey(),
): Promise<OrderView> {
  const res = await c.post('/api/v1/orders', body, key ? { 'idempotency-key': key } : {});
  if (res.status !== 201) throw new Error(`order → ${res.status} ${await res.text()}`);
  return (await res.json()) as OrderView;
}

export function refund(c: Client, packId: string, key: string | null = newKey()): Promise<Response> {
  return c.post('/api/v1/refunds', { packId }, key ? { 'idempotency-key': key } : {});
}

/** The account's notices of one kind (R7), as stored. */
export function noticesOf(t: TestApp, accountId: string, kind: string) {
  return t.deps.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.accountId, accountId), eq(notifications.kind, kind)));
}

/** Queues an arrears notice (R6.1) for acct_other, the seeded second customer, as a settlement would. */
export function arrearsNotice(t: TestApp, cause: string, at: Date) {
  return notify(t.deps.db, {
    accountId: 'acct_other',
    kind: 'arrears',
    cause,
    vars: { balance: '-1.00', debt: '1.00', suspendsAt: 'x' },
    at,
  });
}
