import { requireAuth, requireStaff } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { searchAccountsUseCase } from '../use-cases/support/search-accounts.ts';
import { startImpersonationUseCase } from '../use-cases/support/start-impersonation.ts';
import { stopImpersonationUseCase } from '../use-cases/support/stop-impersonation.ts';

export const impersonationRoutes = declaredRoutes()
  .get('/staff/accounts', async (c, input) => {
    requireStaff(c, 'support');
    return c.json(await searchAccountsUseCase(c.get('deps'), input.query()));
  })
  .post('/staff/impersonations', async (c, input) => {
    const auth = requireStaff(c, 'support');
    const body = await input.body();
    return c.json(await startImpersonationUseCase(c.get('deps'), auth, body, c.get('requestId')), 201);
  })
  .delete('/staff/impersonations/current', async (c) => {
    await stopImpersonationUseCase(c.get('deps'), requireAuth(c), c.get('requestId'));
    return c.body(null, 204);
  });
