import { requireAuth } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { getCatalog } from '../use-cases/orders/get-catalog.ts';

export const catalogRoutes = declaredRoutes().get('/catalog', async (c) => {
  requireAuth(c);
  return c.json(await getCatalog(c.get('deps')));
});
