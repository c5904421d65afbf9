import { forbidden } from '../errors.ts';
import { requireAccount, requireStaff } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { listTimelineUseCase, staffAccountTimeline } from '../use-cases/account/list-timeline.ts';

export const timelineRoutes = declaredRoutes()
  /** Issue 18: the account's owner, or a support agent impersonating it (read-only is enough). */
  .get('/timeline', async (c, input) => {
    const { auth, accountId } = requireAccount(c);
    if (auth.user.kind !== 'staff' && !auth.user.roles.includes('owner')) {
      throw forbidden('Only the account owner (or support) sees the account timeline.');
    }
    return c.json(await listTimelineUseCase(c.get('deps'), accountId, input.query()));
  })
  /** Issue 18: support agents, from the staff console, without impersonating; audited. */
  .get('/staff/accounts/:id/timeline', async (c, input) => {
    const auth = requireStaff(c, 'support');
    const { id } = input.params();
    return c.json(
      await staffAccountTimeline(c.get('deps'), {
        auth,
        accountId: id,
        q: input.query(),
        path: c.req.path,
        requestId: c.get('requestId'),
      }),
    );
  });
