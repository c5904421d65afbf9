import { requireAccount } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { forecastPack } from '../use-cases/packs/forecast-pack.ts';

/** Advice: a pack's burn-down forecast (issue 9); another account's pack is 404. */
export const forecastRoutes = declaredRoutes().get('/packs/:id/forecast', async (c, input) => {
  const { accountId } = requireAccount(c);
  const { id } = input.params();
  return c.json(await forecastPack(c.get('deps'), accountId, BigInt(id)));
});
