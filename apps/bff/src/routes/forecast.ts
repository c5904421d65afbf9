import { PackIdParam } from '@idv/contracts';
import { requireAccount } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { params } from '../http/validate.ts';
import { forecastPack } from '../use-cases/forecast-pack.ts';

/** Advice: a pack's burn-down forecast (issue 9); another account's pack is 404. */
export const forecastRoutes = declaredRoutes().get('/packs/:id/forecast', async (c) => {
  const { accountId } = requireAccount(c);
  const { id } = params(c, PackIdParam);
  return c.json(await forecastPack(c.get('deps'), accountId, BigInt(id)));
});
