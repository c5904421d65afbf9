import { accounts, type DbOrTx, vouchers } from '@idv/db';
import { asc, eq, sql } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import { prepared } from './prepared.ts';

export type AccountRow = typeof accounts.$inferSelect;

export async function getAccountRow(db: DbOrTx, id: string): Promise<AccountRow | null> {
  const q = prepared(db, 'account', (d) =>
    d
      .select()
      .from(accounts)
      .where(eq(accounts.id, sql.placeholder('id')))
      .prepare('account_row'),
  );
  const [a] = await q.execute({ id });
  return a ?? null;
}

export async function listVouchers(db: DbOrTx, accountId: string) {
  const q = prepared(db, 'vouchers', (d) =>
    d
      .select()
      .from(vouchers)
      .where(eq(vouchers.accountId, sql.placeholder('accountId')))
      .orderBy(asc(vouchers.expiresAt))
      .prepare('account_vouchers'),
  );
  return q.execute({ accountId });
}

/** An account's "now": a demo tenant's simulated clock, otherwise the real one (R9.3). */
export function accountNow(clock: Clock, account: Pick<AccountRow, 'isDemo' | 'simulatedNow'>): Date {
  return account.isDemo && account.simulatedNow ? account.simulatedNow : clock.now();
}

/** R6 Stores an account's arrears lifecycle state (status, episode start, suspension time). */
export async function saveArrearsState(
  db: DbOrTx,
  accountId: string,
  s: { status: AccountRow['status']; arrearsSince: Date | null; suspendedAt: Date | null },
): Promise<void> {
  await db
    .update(accounts)
    .set({ status: s.status, arrearsSince: s.arrearsSince, suspendedAt: s.suspendedAt })
    .where(eq(accounts.id, accountId));
}
