import { requireAccount } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { createServiceKey } from '../use-cases/resources/create-service-key.ts';
import { listServiceKeysUseCase } from '../use-cases/resources/list-service-keys.ts';
import { revokeServiceKeyUseCase } from '../use-cases/resources/revoke-service-key.ts';

/** Usage service keys: an owner's setting (R9.1 action 'settings'). */
export const serviceKeyRoutes = declaredRoutes()
  .get('/service-keys', async (c) => {
    const { accountId } = requireAccount(c, 'settings');
    return c.json(await listServiceKeysUseCase(c.get('deps'), accountId));
  })
  .post('/service-keys', async (c, input) => {
    const { auth, accountId } = requireAccount(c, 'settings');
    const body = await input.body();
    return c.json(await createServiceKey(c.get('deps'), auth, accountId, body, c.get('requestId')), 201);
  })
  .delete('/service-keys/:id', async (c, input) => {
    const { auth, accountId } = requireAccount(c, 'settings');
    const { id } = input.params();
    await revokeServiceKeyUseCase(c.get('deps'), auth, accountId, id, c.get('requestId'));
    return c.body(null, 204);
  });
