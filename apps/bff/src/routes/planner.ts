import { PlannerQuery } from '@idv/contracts';
import { Hono } from 'hono';
import { type AppEnv, requireAccount } from '../http/context.ts';
import { query } from '../http/validate.ts';
import { plannerPlanPurchases } from '../use-cases/planner-plan-purchases.ts';

/** Advice: the pack planner (issue 9). Read-only, for every role of the account. */
export const plannerRoutes = new Hono<AppEnv>().get('/planner', async (c) => {
  const { accountId } = requireAccount(c);
  return c.json(await plannerPlanPurchases(c.get('deps'), query(c, PlannerQuery), accountId));
});
