import { Hono } from 'hono';
import { type AppEnv, requireAccount } from '../http/context.ts';
import { getAccount } from '../use-cases/get-account.ts';

export const accountRoutes = new Hono<AppEnv>().get('/account', async (c) => {
  const { accountId } = requireAccount(c);
  return c.json(await getAccount(c.get('deps'), accountId));
});
