import { availableBalance, DomainError, formatAmount, parseMoney } from '@idv/billing';
import type { Account } from '@idv/contracts';
import type { Auth, Deps } from '../http/context.ts';
import { sandboxPaymentProvider } from '../payments/payment-provider.ts';
import { resumeAccount } from '../repositories/account-settings.ts';
import { accountNow } from '../repositories/accounts.ts';
import { audit } from '../repositories/audit.ts';
import { balancesOf, postLedger } from '../repositories/ledger.ts';
import { getAccount } from './get-account.ts';
import { idempotentTransaction, type Outcome } from './idempotent-transaction.ts';

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
 * configuration is gone and needs support (docs/decisions/0003).
 */
export async function rechargeAccount(deps: Deps, input: RechargeInput): Promise<Outcome<Account>> {
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
      const resumed =
        (account.status === 'arrears' || account.status === 'suspended') &&
        availableBalance(after) >= 0n &&
        (await resumeAccount(tx, input.accountId));
      await audit(tx, {
        auth: input.auth,
        accountId: input.accountId,
        action: 'account.recharge',
        outcome: 'ok',
        at: now,
        requestId: input.requestId,
        detail: { amount: formatAmount(amount), provider: provider.name, providerRef, resumed },
      });
      return { status: 200, body: await getAccount(deps, input.accountId, tx) };
    },
  );
}
