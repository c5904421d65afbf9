import { CreateResourceBody, ListQuery } from '@idv/contracts';
import { requireAccount } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { jsonBody, query } from '../http/validate.ts';
import { createResource } from '../use-cases/create-resource.ts';
import { listResourcesUseCase } from '../use-cases/list-resources.ts';

export const resourceRoutes = declaredRoutes()
  .get('/resources', async (c) => {
    const { accountId } = requireAccount(c);
    return c.json(await listResourcesUseCase(c.get('deps'), accountId, query(c, ListQuery)));
  })
  .post('/resources', async (c) => {
    const { auth, accountId } = requireAccount(c, 'settings');
    const body = await jsonBody(c, CreateResourceBody);
    return c.json(await createResource(c.get('deps'), auth, accountId, body, c.get('requestId')), 201);
  });
