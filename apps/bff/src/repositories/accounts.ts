import { accounts, type DbOrTx, vouchers } from '@idv/db';
import { asc, eq } from 'drizzle-orm';
import type { Clock } from '../clock.ts';

export type AccountRow = typeof accounts.$inferSelect;

export async function getAccountRow(db: DbOrTx, id: string): Promise<AccountRow | null> {
  const [a] = await db.select().from(accounts).where(eq(accounts.id, id));
  return a ?? null;
}

export async function listVouchers(db: DbOrTx, accountId: string) {
  return db.select().from(vouchers).where(eq(vouchers.accountId, accountId)).orderBy(asc(vouchers.expiresAt));
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
