import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { sha256 } from '../lib/crypto.ts';
import { deleteSession, loadSession, type SessionRow, touchSession } from '../repositories/auth.ts';
import type { AppEnv, Auth, Ctx } from './context.ts';
import type { SessionSnapshots } from './session-snapshots.ts';

export const SESSION_COOKIE = 'sid';

/**
 * Loads the caller from the session cookie; expired sessions are ended (idle and absolute limits).
 * With `snapshots` (issue 15, docs/decisions/0019), a GET or HEAD may use the row another request of
 * this session read less than a TTL ago; every other method reads fresh. The limits and the
 * impersonation expiry are checked against the clock on every request either way, and a snapshot
 * that says the session has ended is re-read fresh before the session is deleted.
 */
export function sessionMiddleware(snapshots?: SessionSnapshots): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('auth', null);
    c.set('account', null);
    c.set('accountSnapshot', null);
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const { db, clock, config } = c.get('deps');
      const method = c.req.method;
      const cached = snapshots && (method === 'GET' || method === 'HEAD') ? snapshots.get(token) : null;
      const now = clock.now();
      const nowMs = now.getTime();
      // Taken before the read: a snapshot is stored only if no invalidation came in between.
      const generation = snapshots?.generation ?? 0;
      let readAt = cached?.readAt ?? 0;
      let id: string;
      let row: SessionRow | null;
      let fresh: boolean;
      if (cached && !ended(cached.row, nowMs, config.sessionIdleMs)) {
        id = cached.sessionId;
        row = cached.row;
        fresh = false;
      } else {
        id = cached?.sessionId ?? sha256(token);
        readAt = performance.now();
        row = await loadSession(db, id);
        fresh = true;
        if (row && snapshots && !ended(row, nowMs, config.sessionIdleMs))
          snapshots.set(token, id, row, generation, readAt);
      }
      if (row && ended(row, nowMs, config.sessionIdleMs)) {
        snapshots?.forget(token);
        await deleteSession(db, id);
        clearSessionCookie(c);
      } else if (row) {
        const imp =
          row.imp && row.imp.expiresAt.getTime() > nowMs
            ? {
                id: row.imp.id,
                agentId: row.imp.agentId,
                reason: row.imp.reason,
                expiresAt: row.imp.expiresAt,
                write: row.imp.write,
              }
            : null;
        const auth: Auth = {
          sessionId: id,
          user: row.user,
          accountId: imp ? (row.imp?.accountId ?? null) : row.user.accountId,
          impersonation: imp,
        };
        c.set('auth', auth);
        // The account row came with the session (one statement); kept only if it is the one acted on.
        // `account` only when read by this request; `accountSnapshot` also from a snapshot (≤ TTL old).
        if (row.account && row.account.id === auth.accountId) {
          c.set('accountSnapshot', row.account);
          if (fresh) c.set('account', row.account);
        }
        // Only write lastSeenAt once a minute: reads stay reads.
        if (nowMs - row.session.lastSeenAt.getTime() > 60_000) {
          await touchSession(db, id, now);
          // The snapshot now carries the time written (a copy: a request in flight keeps its own row).
          if (snapshots) {
            const touched = { ...row, session: { ...row.session, lastSeenAt: now } };
            snapshots.set(token, id, touched, generation, readAt);
          }
        }
      }
    }
    await next();
  };
}

/** Past the idle limit or the absolute one at `nowMs`. */
function ended(row: SessionRow, nowMs: number, idleMs: number): boolean {
  return nowMs - row.session.lastSeenAt.getTime() > idleMs || row.session.expiresAt.getTime() <= nowMs;
}

export function isSecure(c: Ctx): boolean {
  const url = new URL(c.req.url);
  if (url.protocol === 'https:') return true;
  const host = url.hostname;
  const local = host === 'localhost' || host === '127.0.0.1' || host === '[::1]' || host === '::1';
  return !local && c.get('deps').config.production;
}

export function setSessionCookie(c: Ctx, token: string, maxAgeSeconds: number): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isSecure(c),
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(c: Ctx): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}
