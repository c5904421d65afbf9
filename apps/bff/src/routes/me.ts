import { Hono } from 'hono';
import { type AppEnv, requireAuth } from '../http/context.ts';
import { getMe } from '../use-cases/get-me.ts';

export const meRoutes = new Hono<AppEnv>().get('/me', async (c) =>
  c.json(await getMe(c.get('deps'), requireAuth(c), c.get('account'))),
);
