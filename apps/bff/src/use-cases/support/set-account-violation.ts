import type { Auth, Deps } from '../../deps.ts';
import { iso } from '../../presenters.ts';
import { setViolation } from '../../repositories/account-settings.ts';
import { auditBy } from '../../repositories/audit.ts';
import { lockAccountNow } from '../account/lock-account-now.ts';

/**
 * R8.2 Staff set or clear "suspended for violating rules" (distinct from arrears, R6): while set,
 * every pack of the account is non-refundable (ACCOUNT_VIOLATION). Taken under the account lock, so a
 * refund in flight either committed before the flag or sees it.
 */
export async function setAccountViolation(
  deps: Deps,
  input: { auth: Auth; accountId: string; violation: boolean; reason: string; requestId?: string | undefined },
): Promise<{ accountId: string; violation: boolean; updatedAt: string }> {
  return deps.db.transaction(async (tx) => {
    const { account, now } = await lockAccountNow(deps, tx, input.accountId);
    await setViolation(tx, input.accountId, input.violation);
    await auditBy(tx, input, {
      action: input.violation ? 'staff.violation_set' : 'staff.violation_cleared',
      outcome: 'ok',
      at: now,
      reason: input.reason,
      detail: { from: account.violation, to: input.violation },
    });
    return { accountId: input.accountId, violation: input.violation, updatedAt: iso(now) };
  });
}
