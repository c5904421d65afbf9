import { accounts, type DbOrTx } from '@idv/db';
import { and, eq, inArray, isNull } from 'drizzle-orm';

/** R4.4 the postpaid switch. */
export async function setPostpaidEnabled(tx: DbOrTx, accountId: string, enabled: boolean): Promise<void> {
  await tx.update(accounts).set({ postpaidEnabled: enabled }).where(eq(accounts.id, accountId));
}

/** R6.3 back to active: arrears and suspension cleared. Only from 'arrears' or 'suspended'. */
export async function resumeAccount(tx: DbOrTx, accountId: string): Promise<boolean> {
  const r = await tx
    .update(accounts)
    .set({ status: 'active', arrearsSince: null, suspendedAt: null })
    .where(and(eq(accounts.id, accountId), inArray(accounts.status, ['arrears', 'suspended'])))
    .returning({ id: accounts.id });
  return r.length === 1;
}

/** R3.4 the first eID merchant approval; later approvals change nothing. */
export async function setEidApprovedOnce(tx: DbOrTx, accountId: string, at: Date): Promise<boolean> {
  const r = await tx
    .update(accounts)
    .set({ eidApprovedAt: at })
    .where(and(eq(accounts.id, accountId), isNull(accounts.eidApprovedAt)))
    .returning({ id: accounts.id });
  return r.length === 1;
}

/** R8.2 the staff flag "suspended for violating rules", distinct from arrears. */
export async function setViolation(tx: DbOrTx, accountId: string, violation: boolean): Promise<void> {
  await tx.update(accounts).set({ violation }).where(eq(accounts.id, accountId));
}
