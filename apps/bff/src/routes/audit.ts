import { ListQuery } from '@idv/contracts';
import { requireAccount } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { query } from '../http/validate.ts';
import { listAuditUseCase } from '../use-cases/list-audit.ts';

export const auditRoutes = declaredRoutes().get('/audit', async (c) => {
  const { accountId } = requireAccount(c, 'read');
  return c.json(await listAuditUseCase(c.get('deps'), accountId, query(c, ListQuery)));
});
