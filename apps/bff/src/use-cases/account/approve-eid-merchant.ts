import type { Auth, Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { iso } from '../../presenters.ts';
import { setEidApprovedOnce } from '../../repositories/account-settings.ts';
import { accountNow } from '../../repositories/accounts.ts';
import { auditBy } from '../../repositories/audit.ts';
import { lockAccount } from '../../repositories/ledger.ts';

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
    const account = await lockAccount(tx, input.accountId);
    if (!account) throw notFound('account');
    const now = accountNow(deps.clock, account);
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
