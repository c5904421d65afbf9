import { Hono } from 'hono';
import { type AppEnv, requireAuth } from '../http/context.ts';
import { getCatalog } from '../use-cases/get-catalog.ts';

export const catalogRoutes = new Hono<AppEnv>().get('/catalog', async (c) => {
  requireAuth(c);
  return c.json(await getCatalog(c.get('deps')));
});
