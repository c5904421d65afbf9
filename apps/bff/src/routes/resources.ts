import { requireAccount } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { createResource } from '../use-cases/resources/create-resource.ts';
import { listResourcesUseCase } from '../use-cases/resources/list-resources.ts';

export const resourceRoutes = declaredRoutes()
  .get('/resources', async (c, input) => {
    const { accountId } = requireAccount(c);
    return c.json(await listResourcesUseCase(c.get('deps'), accountId, input.query()));
  })
  .post('/resources', async (c, input) => {
    const { auth, accountId } = requireAccount(c, 'settings');
    const body = await input.body();
    return c.json(await createResource(c.get('deps'), auth, accountId, body, c.get('requestId')), 201);
  });
