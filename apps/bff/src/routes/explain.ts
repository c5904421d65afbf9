import { ExplainQuery } from '@idv/contracts';
import { Hono } from 'hono';
import { type AppEnv, requireAccount } from '../http/context.ts';
import { query } from '../http/validate.ts';
import { explainDeductions } from '../use-cases/explain-deductions.ts';

/** Advice: the deduction explainer (issue 9); another account's pack or charge is 404. */
export const explainRoutes = new Hono<AppEnv>().get('/explain', async (c) => {
  const { accountId } = requireAccount(c);
  return c.json(await explainDeductions(c.get('deps'), accountId, query(c, ExplainQuery)));
});
