import { formatCst } from '@idv/billing';
import { evaluateBudgetAlerts } from '../use-cases/budgets/evaluate-budget-alerts.ts';
import type { AccountJob } from './job.ts';

/** R10.1 Budget alerts after the settlements of this step (registered right after the settlement jobs). */
export const budgetAlertsJob: AccountJob = {
  name: 'budget-alerts',
  async run(deps, accountId, now) {
    const raised = await evaluateBudgetAlerts(deps, accountId);
    return raised.map((r) => ({
      at: formatCst(now),
      kind: r.kind === 'actual' ? 'budget_threshold' : 'budget_forecast',
      summary: `Budget ${r.budgetId}: ${r.kind} spending crossed ${r.threshold}%`,
    }));
  },
};
