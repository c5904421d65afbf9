import type { MiddlewareHandler } from 'hono';
import { audit } from '../repositories/audit.ts';
import type { AppEnv } from './context.ts';

/**
 * R9.2: every request made while impersonating is written to the audit log as "agent X on behalf of
 * account Y", reads included, with its outcome. The start and stop are audited by their use cases.
 */
export const auditImpersonation: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const auth = c.get('auth');
  if (!auth?.impersonation || !auth.accountId) return;
  if (c.req.path.startsWith('/api/v1/staff/impersonations')) return;
  const status = c.res.status;
  const { db, clock } = c.get('deps');
  await audit(db, {
    auth,
    accountId: auth.accountId,
    action: `${c.req.method} ${c.req.path}`,
    outcome: status < 400 ? 'ok' : status === 403 || status === 409 || status === 402 ? 'refused' : 'failed',
    at: clock.now(),
    requestId: c.get('requestId'),
    detail: { status },
  });
};
