import { requireAccount } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { jsonOnce } from '../http/json-once.ts';
import { getPackUsage, getPackUseCase } from '../use-cases/packs/get-pack.ts';
import { listPacksUseCase } from '../use-cases/packs/list-packs.ts';
import { projectPacks } from '../use-cases/packs/project-packs.ts';

export const packRoutes = declaredRoutes()
  .get('/packs', async (c, input) => {
    const { accountId, snapshot } = requireAccount(c);
    return jsonOnce(c, await listPacksUseCase(c.get('deps'), accountId, input.query(), snapshot));
  })
  // Registered before /packs/:id, which would otherwise take "projections" for a (malformed) pack id.
  .get('/packs/projections', async (c, input) => {
    const { accountId } = requireAccount(c);
    const { ids } = input.query();
    return c.json(await projectPacks(c.get('deps'), accountId, ids));
  })
  .get('/packs/:id', async (c, input) => {
    const { accountId } = requireAccount(c);
    const { id } = input.params();
    return c.json(await getPackUseCase(c.get('deps'), accountId, BigInt(id)));
  })
  .get('/packs/:id/usage', async (c, input) => {
    const { accountId } = requireAccount(c);
    const { id } = input.params();
    return c.json(await getPackUsage(c.get('deps'), accountId, BigInt(id), input.query()));
  });
