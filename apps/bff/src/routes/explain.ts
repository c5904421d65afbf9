import { requireAccount } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { explainDeductions } from '../use-cases/usage/explain-deductions.ts';

/** Advice: the deduction explainer (issue 9); another account's pack or charge is 404. */
export const explainRoutes = declaredRoutes().get('/explain', async (c, input) => {
  const { accountId } = requireAccount(c);
  return c.json(await explainDeductions(c.get('deps'), accountId, input.query()));
});
