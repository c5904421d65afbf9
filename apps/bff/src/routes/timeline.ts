import { TimelineQuery } from '@idv/contracts';
import { Hono } from 'hono';
import { forbidden } from '../errors.ts';
import { type AppEnv, requireAccount } from '../http/context.ts';
import { query } from '../http/validate.ts';
import { listTimelineUseCase } from '../use-cases/list-timeline.ts';

/** Issue 18: the account's owner, or a support agent impersonating it (read-only is enough). */
export const timelineRoutes = new Hono<AppEnv>().get('/timeline', async (c) => {
  const { auth, accountId } = requireAccount(c);
  if (auth.user.kind !== 'staff' && !auth.user.roles.includes('owner')) {
    throw forbidden('Only the account owner (or support) sees the account timeline.');
  }
  return c.json(await listTimelineUseCase(c.get('deps'), accountId, query(c, TimelineQuery)));
});
