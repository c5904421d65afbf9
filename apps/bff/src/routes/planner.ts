import { requireAccount } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { plannerPlanPurchases } from '../use-cases/orders/planner-plan-purchases.ts';

/** Advice: the pack planner (issue 9). Read-only, for every role of the account. */
export const plannerRoutes = declaredRoutes().get('/planner', async (c, input) => {
  const { accountId } = requireAccount(c);
  return c.json(await plannerPlanPurchases(c.get('deps'), input.query(), accountId));
});
