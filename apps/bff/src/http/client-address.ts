import { getConnInfo } from '@hono/node-server/conninfo';
import type { Ctx } from './context.ts';

/** The caller's address: the socket's, or the first X-Forwarded-For hop when TRUST_PROXY=1. */
export function clientAddress(c: Ctx): string {
  if (c.get('deps').config.trustProxy) {
    const fwd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (fwd) return fwd;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'unknown';
  }
}
