import { requireAccount } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { listAuditUseCase } from '../use-cases/support/list-audit.ts';

export const auditRoutes = declaredRoutes().get('/audit', async (c, input) => {
  const { accountId } = requireAccount(c, 'read');
  return c.json(await listAuditUseCase(c.get('deps'), accountId, input.query()));
});
