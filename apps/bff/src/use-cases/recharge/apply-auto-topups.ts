import { cstMonth, isDomainError, monthRange } from '@idv/billing';
import type { Deps } from '../../deps.ts';
import { displayMoney } from '../../notifications/templates.ts';
import { accountNow } from '../../repositories/accounts.ts';
import {
  autoTopupOrdersPerLabel,
  lockAutoTopupRule,
  remainingCalls,
  setAutoTopupState,
} from '../../repositories/auto-topups.ts';
import { catalogMap } from '../../repositories/catalog.ts';
import { lockAccount } from '../../repositories/ledger.ts';
import { notify } from '../../repositories/notifications.ts';
import { evaluateBudgetAlertsSafely } from '../budgets/evaluate-budget-alerts.ts';
import { placeOrderInTransaction, resolveTier } from '../orders/place-order.ts';

export type AutoTopupResult =
  | { label: string; outcome: 'bought'; orderId: string }
  | { label: string; outcome: 'failed'; reason: 'INSUFFICIENT_BALANCE' | 'MONTHLY_LIMIT' | 'UNKNOWN_TIER' };

/**
 * R10.2 Auto top-up, run right after a usage batch's deductions have committed (ingest-usage.ts), for
 * the batch's labels whose rule was enabled (`ruled`: ingest reads them with `enabledRulesOf` inside
 * the batch's transaction, in the round trip of its other reads; each rule is locked and checked again
 * here, so one disabled since is left alone). Per label, ONE transaction:
 *  1. lockAccount() (FOR UPDATE, the lock every order takes first), then the rule row FOR UPDATE: the
 *     evaluations of racing batches run one after another and each sees the previous one's outcome;
 *  2. remaining ≥ N → the rule is (re-)armed and nothing else happens;
 *  3. remaining < N and armed → this is a crossing: the rule disarms (crossings + 1), then, unless the
 *     monthly limit is reached, places an ordinary order through placeOrderInTransaction (R2.3 split,
 *     no voucher, delivery notice, R4.3 coverage, refundable under R8) marked trigger 'auto_topup'.
 *     The order re-arms the rule if it lifts the remaining back to N or more. If the balances cannot
 *     pay (or the month's limit is used up) nothing is bought and one auto_topup_failed notice is
 *     sent, its cause naming the crossing, so it is sent once per crossing;
 *  4. remaining < N and not armed → this crossing was already handled: nothing.
 * Suspended or released (R6.2, R6.4) and violation-flagged (R8.2) accounts never auto-buy; their
 * rules stay as they are. A failure here never fails the batch (it is committed): the latch is still
 * armed, so the next batch of the label acts on it.
 */
export async function applyEnabledAutoTopups(
  deps: Deps,
  accountId: string,
  ruled: readonly string[],
): Promise<AutoTopupResult[]> {
  const results: AutoTopupResult[] = [];
  for (const code of ruled) {
    try {
      const r = await applyOne(deps, accountId, code);
      if (r) results.push(r);
      // R10.1 an automatic purchase adds to this month's spending.
      if (r?.outcome === 'bought') await evaluateBudgetAlertsSafely(deps, accountId);
    } catch (e) {
      deps.logger?.error({ err: e, accountId, label: code }, 'auto top-up failed');
    }
  }
  return results;
}

async function applyOne(deps: Deps, accountId: string, code: string): Promise<AutoTopupResult | null> {
  const labels = await catalogMap(deps.db);
  return deps.db.transaction(async (tx) => {
    const account = await lockAccount(tx, accountId);
    if (!account) return null;
    const rule = await lockAutoTopupRule(tx, accountId, code);
    if (!rule?.enabled) return null;
    if (account.status === 'suspended' || account.status === 'released' || account.violation) return null;
    const now = accountNow(deps.clock, account);
    const remaining = await remainingCalls(tx, accountId, code, now);
    if (remaining >= rule.belowCalls) {
      if (!rule.armed) await setAutoTopupState(tx, accountId, code, { armed: true });
      return null;
    }
    if (!rule.armed) return null;
    const crossing = rule.crossings + 1;
    await setAutoTopupState(tx, accountId, code, { armed: false, crossings: crossing });

    const label = labels.get(code);
    const bought = (await autoTopupOrdersPerLabel(tx, accountId, monthRange(cstMonth(now)))).get(code) ?? 0;
    let reason: 'INSUFFICIENT_BALANCE' | 'MONTHLY_LIMIT' | 'UNKNOWN_TIER' = 'MONTHLY_LIMIT';
    let detail = '';
    if (label && bought < rule.monthlyLimit) {
      try {
        const { tier } = resolveTier(labels, code, rule.size);
        // A savepoint: a refused order rolls back only itself, the latch above stays.
        const order = await tx.transaction((sp) =>
          placeOrderInTransaction(deps, sp, account, {
            auth: null,
            accountId,
            body: { label: code, size: rule.size, quantity: rule.quantity },
            idempotencyKey: null,
            trigger: 'auto_topup',
            label,
            tier,
          }),
        );
        return { label: code, outcome: 'bought', orderId: order.response.body.id };
      } catch (e) {
        if (!isDomainError(e) || (e.code !== 'INSUFFICIENT_BALANCE' && e.code !== 'UNKNOWN_TIER')) throw e;
        reason = e.code;
        const shortfall = (e.details as { shortfall?: string } | undefined)?.shortfall;
        if (shortfall) detail = shortfall;
      }
    }
    const why = {
      INSUFFICIENT_BALANCE: {
        zh: `余额不足${detail ? `，还差 ${displayMoney(detail)}` : ''}。请充值。`,
        en: `the balance is too low${detail ? ` (${displayMoney(detail)} short)` : ''}. Please recharge.`,
      },
      MONTHLY_LIMIT: {
        zh: `本月已自动购买 ${bought} 次，达到每月上限 ${rule.monthlyLimit} 次。`,
        en: `the rule already bought ${bought} time(s) this month, its monthly limit of ${rule.monthlyLimit}.`,
      },
      UNKNOWN_TIER: { zh: '该规格已不再销售。', en: 'this pack size is no longer sold.' },
    }[reason];
    await notify(tx, {
      accountId,
      kind: 'auto_topup_failed',
      cause: `auto_topup:${code}:${crossing}`,
      at: now,
      vars: {
        labelZh: label?.nameZh ?? code,
        labelEn: label?.nameEn ?? code,
        remaining,
        belowCalls: rule.belowCalls,
        quantity: rule.quantity,
        size: rule.size,
        reasonZh: why.zh,
        reasonEn: why.en,
      },
    });
    return { label: code, outcome: 'failed', reason };
  });
}
