import { PackIdParam, PackProjectionsQuery, PacksQuery, UsageQuery } from '@idv/contracts';
import { requireAccount } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { params, query } from '../http/validate.ts';
import { getPackUsage, getPackUseCase } from '../use-cases/get-pack.ts';
import { listPacksUseCase } from '../use-cases/list-packs.ts';
import { projectPacks } from '../use-cases/project-packs.ts';

export const packRoutes = declaredRoutes()
  .get('/packs', async (c) => {
    const { accountId, snapshot } = requireAccount(c);
    return c.json(await listPacksUseCase(c.get('deps'), accountId, query(c, PacksQuery), snapshot));
  })
  // Registered before /packs/:id, which would otherwise take "projections" for a (malformed) pack id.
  .get('/packs/projections', async (c) => {
    const { accountId } = requireAccount(c);
    const { ids } = query(c, PackProjectionsQuery);
    return c.json(await projectPacks(c.get('deps'), accountId, ids));
  })
  .get('/packs/:id', async (c) => {
    const { accountId } = requireAccount(c);
    const { id } = params(c, PackIdParam);
    return c.json(await getPackUseCase(c.get('deps'), accountId, BigInt(id)));
  })
  .get('/packs/:id/usage', async (c) => {
    const { accountId } = requireAccount(c);
    const { id } = params(c, PackIdParam);
    return c.json(await getPackUsage(c.get('deps'), accountId, BigInt(id), query(c, UsageQuery)));
  });
