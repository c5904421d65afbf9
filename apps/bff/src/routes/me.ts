import { requireAuth } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { getMe } from '../use-cases/account/get-me.ts';

export const meRoutes = declaredRoutes().get('/me', async (c) =>
  c.json(await getMe(c.get('deps'), requireAuth(c), c.get('accountSnapshot'))),
);
