import { TimelineQuery } from '@idv/contracts';
import { forbidden } from '../errors.ts';
import { requireAccount } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { query } from '../http/validate.ts';
import { listTimelineUseCase } from '../use-cases/list-timeline.ts';

/** Issue 18: the account's owner, or a support agent impersonating it (read-only is enough). */
export const timelineRoutes = declaredRoutes().get('/timeline', async (c) => {
  const { auth, accountId } = requireAccount(c);
  if (auth.user.kind !== 'staff' && !auth.user.roles.includes('owner')) {
    throw forbidden('Only the account owner (or support) sees the account timeline.');
  }
  return c.json(await listTimelineUseCase(c.get('deps'), accountId, query(c, TimelineQuery)));
});
