import { cstMonth, formatAmount, parseMoney } from '@idv/billing';
import type { Deps } from '../../deps.ts';
import { accountNow, getAccountRow } from '../../repositories/accounts.ts';
import { listBudgetRows, recordBudgetAlert } from '../../repositories/budgets.ts';
import { notify } from '../../repositories/notifications.ts';
import { budgetFigures } from './budget-figures.ts';

/**
 * R10.1 Budget alerts of an account for its current CST month, at its clock. Run after every event
 * that changes spent or forecast (decision 0014): a settlement (the budget-alerts job, right after the
 * settlement jobs), a purchase or a refund (place-order.ts and request-refund.ts, after their commit),
 * an auto top-up, and a budget created or changed. For each budget and threshold t (percent):
 *  - spent ≥ t% of the amount → `budget_threshold`, once per budget, month and threshold;
 *  - otherwise, forecast ≥ t% → `budget_forecast`, once per budget, month and threshold (the earlier
 *    warning; when spent crosses first, in the same step, only the actual alert is sent).
 * Each alert is a unique row (budget, month, threshold, kind) written in the notice's transaction, so
 * concurrent or repeated evaluations notify once. Returns the alerts this call raised.
 */
export async function evaluateBudgetAlerts(
  deps: Deps,
  accountId: string,
): Promise<{ budgetId: string; threshold: number; kind: 'actual' | 'forecast' }[]> {
  const budgetsOf = await listBudgetRows(deps.db, accountId);
  if (budgetsOf.length === 0) return [];
  const account = await getAccountRow(deps.db, accountId);
  if (!account) return [];
  const now = accountNow(deps.clock, account);
  const month = cstMonth(now);
  const raised: { budgetId: string; threshold: number; kind: 'actual' | 'forecast' }[] = [];
  for (const b of budgetsOf) {
    const f = await budgetFigures(deps, account, b, month, now);
    const amount = parseMoney(b.amount);
    for (const t of [...b.thresholds].sort((x, y) => x - y)) {
      const line = amount * BigInt(t);
      const kind = f.spent * 100n >= line ? 'actual' : f.forecast * 100n >= line ? 'forecast' : null;
      if (kind === null) continue;
      await deps.db.transaction(async (tx) => {
        if (!(await recordBudgetAlert(tx, { budgetId: b.id, month, threshold: t, kind, at: now }))) return;
        await notify(tx, {
          accountId,
          kind: kind === 'actual' ? 'budget_threshold' : 'budget_forecast',
          cause: `budget:${b.id}:${month}:${t}`,
          at: now,
          vars: {
            name: b.name,
            threshold: t,
            month,
            amount: formatAmount(amount),
            spent: formatAmount(f.spent),
            forecast: formatAmount(f.forecast),
          },
        });
        raised.push({ budgetId: b.id, threshold: t, kind });
      });
    }
  }
  return raised;
}

/** After a request's commit: an alert failure must not fail the purchase or refund that succeeded. */
export async function evaluateBudgetAlertsSafely(deps: Deps, accountId: string): Promise<void> {
  try {
    await evaluateBudgetAlerts(deps, accountId);
  } catch (e) {
    deps.logger?.error({ err: e, accountId }, 'budget alerts failed');
  }
}
