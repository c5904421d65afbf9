import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { Lifecycle } from '../deps.ts';
import type { AppEnv } from './context.ts';

export type { Lifecycle };

/** How long a readiness probe waits for the database before it answers 503. */
export const READY_DB_TIMEOUT_MS = 2_000;

const noStore = { 'cache-control': 'no-store' };

/**
 * Operational probes, outside the versioned API and without a session: they reveal nothing about
 * any account (no ids, no counts, no versions), only whether this instance can serve.
 * - GET /healthz: liveness, the process answers (no database work: a slow database must not get a
 *   healthy process restarted).
 * - GET /readyz: readiness, the database answers `select 1` within READY_DB_TIMEOUT_MS and the
 *   instance is not draining; otherwise 503.
 */
export function healthRoutes(lifecycle: Lifecycle) {
  return new Hono<AppEnv>()
    .get('/healthz', (c) => c.json({ status: 'ok' }, 200, noStore))
    .get('/readyz', async (c) => {
      if (lifecycle.draining) return c.json({ status: 'draining' }, 503, noStore);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<'timeout'>((ok) => {
        timer = setTimeout(() => ok('timeout'), READY_DB_TIMEOUT_MS);
      });
      try {
        const r = await Promise.race([c.get('deps').db.execute(sql`select 1`), timeout]);
        if (r === 'timeout') return c.json({ status: 'unavailable', reason: 'database timeout' }, 503, noStore);
        return c.json({ status: 'ready' }, 200, noStore);
      } catch {
        return c.json({ status: 'unavailable', reason: 'database error' }, 503, noStore);
      } finally {
        clearTimeout(timer);
      }
    });
}
