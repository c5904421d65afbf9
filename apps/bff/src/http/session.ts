import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { sha256 } from '../lib/crypto.ts';
import { deleteSession, loadSession, touchSession } from '../repositories/auth.ts';
import type { AppEnv, Auth, Ctx } from './context.ts';

export const SESSION_COOKIE = 'sid';

/** Loads the caller from the session cookie; expired sessions are ended (idle and absolute limits). */
export const sessionMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('auth', null);
  c.set('account', null);
  const token = getCookie(c, SESSION_COOKIE);
  if (token) {
    const { db, clock, config } = c.get('deps');
    const id = sha256(token);
    const row = await loadSession(db, id);
    const now = clock.now();
    if (row) {
      const idle = now.getTime() - row.session.lastSeenAt.getTime() > config.sessionIdleMs;
      if (idle || row.session.expiresAt.getTime() <= now.getTime()) {
        await deleteSession(db, id);
        clearSessionCookie(c);
      } else {
        const imp =
          row.imp && row.imp.expiresAt.getTime() > now.getTime()
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
        if (row.account && row.account.id === auth.accountId) c.set('account', row.account);
        // Only write lastSeenAt once a minute: reads stay reads.
        if (now.getTime() - row.session.lastSeenAt.getTime() > 60_000) await touchSession(db, id, now);
      }
    }
  }
  await next();
};

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
