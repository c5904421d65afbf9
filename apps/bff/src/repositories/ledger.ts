import { type Balances, formatMoney4, type Money, parseMoney } from '@idv/billing';
import { accounts, type DbOrTx, ledgerEntries, pipelined, rows, startQuery } from '@idv/db';
import { eq, sql } from 'drizzle-orm';
import type { AccountRow } from './accounts.ts';

export type BalanceKind = 'cash' | 'income' | 'gift';
export type LedgerReason = 'opening' | 'recharge' | 'purchase' | 'refund' | 'settlement' | 'adjustment';

/**
 * Locks the account row for the rest of the transaction (SELECT … FOR UPDATE): every movement of an
 * account's money is serialised on it, so concurrent orders, refunds and settlements cannot overspend.
 */
export async function lockAccount(tx: DbOrTx, accountId: string): Promise<AccountRow | null> {
  const [a] = await tx.select().from(accounts).where(eq(accounts.id, accountId)).for('update');
  return a ?? null;
}

export function balancesOf(a: Pick<AccountRow, 'cash' | 'income' | 'gift'>): Balances {
  return { cash: parseMoney(a.cash), income: parseMoney(a.income), gift: parseMoney(a.gift) };
}

/**
 * R2.4: writes immutable ledger entries and moves the cached balances by the same amounts in the same
 * transaction. Zero amounts are skipped. Call inside a transaction that holds lockAccount(). The two
 * statements are independent and go together (pipelined, one round trip).
 */
export async function postLedger(
  tx: DbOrTx,
  e: {
    accountId: string;
    amounts: Partial<Record<BalanceKind, Money>>;
    reason: LedgerReason;
    refType: string;
    refId: string;
    at: Date;
  },
): Promise<void> {
  const entries = (['gift', 'income', 'cash'] as const)
    .filter((k) => (e.amounts[k] ?? 0n) !== 0n)
    .map((k) => ({
      accountId: e.accountId,
      balance: k,
      amount: formatMoney4(e.amounts[k] ?? 0n),
      reason: e.reason,
      refType: e.refType,
      refId: e.refId,
      createdAt: e.at,
    }));
  if (entries.length === 0) return;
  await pipelined([
    startQuery(tx.insert(ledgerEntries).values(entries)),
    startQuery(
      tx
        .update(accounts)
        .set({
          cash: sql`${accounts.cash} + ${formatMoney4(e.amounts.cash ?? 0n)}::numeric`,
          income: sql`${accounts.income} + ${formatMoney4(e.amounts.income ?? 0n)}::numeric`,
          gift: sql`${accounts.gift} + ${formatMoney4(e.amounts.gift ?? 0n)}::numeric`,
        })
        .where(eq(accounts.id, e.accountId)),
    ),
  ]);
}

/** Balances recomputed from the ledger alone: tests compare it with the cached balances (R2.4). */
export async function ledgerBalances(db: DbOrTx, accountId: string): Promise<Balances> {
  const list = await rows<{ balance: BalanceKind; total: string }>(
    db,
    sql`select ${ledgerEntries.balance} as balance, coalesce(sum(${ledgerEntries.amount}), 0)::text as total
        from ${ledgerEntries} where ${ledgerEntries.accountId} = ${accountId} group by ${ledgerEntries.balance}`,
  );
  const b: Balances = { cash: 0n, income: 0n, gift: 0n };
  for (const r of list) b[r.balance] = parseMoney(r.total);
  return b;
}
