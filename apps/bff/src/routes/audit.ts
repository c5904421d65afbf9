import { ListQuery } from '@idv/contracts';
import { Hono } from 'hono';
import { type AppEnv, requireAccount } from '../http/context.ts';
import { query } from '../http/validate.ts';
import { listAuditUseCase } from '../use-cases/list-audit.ts';

export const auditRoutes = new Hono<AppEnv>().get('/audit', async (c) => {
  const { accountId } = requireAccount(c, 'read');
  return c.json(await listAuditUseCase(c.get('deps'), accountId, query(c, ListQuery)));
});
