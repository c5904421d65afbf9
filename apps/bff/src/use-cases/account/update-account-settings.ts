import type { Account } from '@idv/contracts';
import type { Auth, Deps } from '../../deps.ts';
import { setPostpaidEnabled } from '../../repositories/account-settings.ts';
import { auditBy } from '../../repositories/audit.ts';
import { getAccount } from './get-account.ts';
import { lockAccountNow } from './lock-account-now.ts';

/**
 * R4.4 The postpaid switch. Off: a billable call that no pack can take is refused (NO_QUOTA) and never
 * charged; on: it falls to postpaid and is settled (R5.1). Takes effect for the next call.
 */
export async function updateAccountSettings(
  deps: Deps,
  input: { auth: Auth; accountId: string; postpaidEnabled: boolean; requestId?: string | undefined },
): Promise<Account> {
  await deps.db.transaction(async (tx) => {
    const { account, now } = await lockAccountNow(deps, tx, input.accountId);
    await setPostpaidEnabled(tx, input.accountId, input.postpaidEnabled);
    await auditBy(tx, input, {
      action: 'account.postpaid',
      outcome: 'ok',
      at: now,
      detail: { from: account.postpaidEnabled, to: input.postpaidEnabled },
    });
  });
  return getAccount(deps, input.accountId);
}
