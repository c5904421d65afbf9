import { availableBalance, DomainError, formatAmount, parseMoney, rechargeShortfall } from '@idv/billing';
import type { RechargeResult } from '@idv/contracts';
import type { Auth, Deps } from '../../deps.ts';
import { sandboxPaymentProvider } from '../../payments/payment-provider.ts';
import { resumeAccount } from '../../repositories/account-settings.ts';
import { accountNow } from '../../repositories/accounts.ts';
import { audit } from '../../repositories/audit.ts';
import { balancesOf, postLedger } from '../../repositories/ledger.ts';
import { getAccount } from '../account/get-account.ts';
import { idempotentTransaction, type Outcome } from '../orders/idempotent-transaction.ts';
import { notifyServiceResumed } from '../settlement/service-resumed.ts';

export interface RechargeInput {
  auth: Auth;
  accountId: string;
  amount: string;
  idempotencyKey: string | null;
  requestId?: string | undefined;
}

/**
 * R2.1 A recharge adds to cash, through the payment provider (sandbox by default), in one
 * transaction with its ledger entry. R6.3: if it brings the available balance to 0 or more while the
 * account is in arrears or suspended, service resumes at once (status 'active', arrears and
 * suspension cleared). A 'released' account (R6.4) is not resumed by a recharge: its postpaid
 * configuration is gone and needs support (docs/decisions/0003). A resumption sends one
 * service_resumed notice (R6.3, once per arrears episode). A recharge that leaves the available balance
 * below 0 says so: the answer's `shortfall` is how much more is needed (docs/decisions/0008).
 */
export async function rechargeAccount(deps: Deps, input: RechargeInput): Promise<Outcome<RechargeResult>> {
  const amount = parseMoney(input.amount);
  if (amount <= 0n) {
    throw new DomainError('INVALID_MONEY', 'A recharge must be more than 0.', { amount: input.amount });
  }
  const provider = deps.payments ?? sandboxPaymentProvider;
  return idempotentTransaction(
    deps.db,
    {
      accountId: input.accountId,
      route: 'POST /account/recharge',
      key: input.idempotencyKey,
      body: { amount: formatAmount(amount) },
      at: deps.clock.now(),
    },
    async (tx, account) => {
      // lockAccount() was taken first by idempotentTransaction.
      const now = accountNow(deps.clock, account);
      const { providerRef } = await provider.collect({
        accountId: input.accountId,
        amount,
        reference: input.idempotencyKey ?? `${input.accountId}:${now.getTime()}`,
      });
      await postLedger(tx, {
        accountId: input.accountId,
        amounts: { cash: amount },
        reason: 'recharge',
        refType: `payment:${provider.name}`,
        refId: providerRef,
        at: now,
      });
      const after = balancesOf(account);
      after.cash += amount;
      // R6.3 resume as soon as the available balance is back to 0 or more.
      const available = availableBalance(after);
      const resumed =
        (account.status === 'arrears' || account.status === 'suspended') &&
        available >= 0n &&
        (await resumeAccount(tx, input.accountId));
      if (resumed) {
        await notifyServiceResumed(tx, {
          accountId: input.accountId,
          episode: account.arrearsSince,
          available,
          at: now,
        });
      }
      const shortfall = rechargeShortfall(available);
      await audit(tx, {
        auth: input.auth,
        accountId: input.accountId,
        action: 'account.recharge',
        outcome: 'ok',
        at: now,
        requestId: input.requestId,
        detail: {
          amount: formatAmount(amount),
          provider: provider.name,
          providerRef,
          resumed,
          shortfall: shortfall === null ? null : formatAmount(shortfall),
        },
      });
      return {
        status: 200,
        body: {
          ...(await getAccount(deps, input.accountId, tx)),
          shortfall: shortfall === null ? null : formatAmount(shortfall),
        },
      };
    },
  );
}
