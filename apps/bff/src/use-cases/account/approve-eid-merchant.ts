import type { Auth, Deps } from '../../deps.ts';
import { iso } from '../../presenters.ts';
import { setEidApprovedOnce } from '../../repositories/account-settings.ts';
import { auditBy } from '../../repositories/audit.ts';
import { lockAccountNow } from './lock-account-now.ts';

/**
 * A SIMULATION of the eID merchant approval (docs/decisions/0003): in production the approval comes
 * from the eID review process. R3.4: the first approval starts the eid.authority free trial, granted
 * by the free-trial job at eidApprovedAt + the trial delay. Later calls change nothing.
 */
export async function approveEidMerchant(
  deps: Deps,
  input: { auth: Auth; accountId: string; requestId?: string | undefined },
): Promise<{ eidApprovedAt: string; trialGrantDueAt: string; firstApproval: boolean }> {
  return deps.db.transaction(async (tx) => {
    const { account, now } = await lockAccountNow(deps, tx, input.accountId);
    const first = await setEidApprovedOnce(tx, input.accountId, now);
    const approvedAt = first ? now : (account.eidApprovedAt ?? now);
    if (first) {
      await auditBy(tx, input, {
        action: 'account.eid_merchant_approved',
        outcome: 'ok',
        at: now,
        detail: { simulated: true },
      });
    }
    return {
      eidApprovedAt: iso(approvedAt),
      trialGrantDueAt: iso(new Date(approvedAt.getTime() + deps.config.trialGrantDelayMs)),
      firstApproval: first,
    };
  });
}
