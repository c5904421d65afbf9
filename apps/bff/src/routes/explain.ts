import { ExplainQuery } from '@idv/contracts';
import { requireAccount } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { query } from '../http/validate.ts';
import { explainDeductions } from '../use-cases/explain-deductions.ts';

/** Advice: the deduction explainer (issue 9); another account's pack or charge is 404. */
export const explainRoutes = declaredRoutes().get('/explain', async (c) => {
  const { accountId } = requireAccount(c);
  return c.json(await explainDeductions(c.get('deps'), accountId, query(c, ExplainQuery)));
});
