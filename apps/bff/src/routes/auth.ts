import { LoginBody } from '@idv/contracts';
import { Hono } from 'hono';
import { clientAddress } from '../http/client-address.ts';
import type { AppEnv } from '../http/context.ts';
import { rateLimited } from '../http/rate-limit.ts';
import { clearSessionCookie, setSessionCookie } from '../http/session.ts';
import { jsonBody } from '../http/validate.ts';
import { signIn, signOut } from '../use-cases/sign-in.ts';

export const authRoutes = new Hono<AppEnv>()
  .post('/auth/login', async (c) => {
    const body = await jsonBody(c, LoginBody);
    // Failed sign-ins are limited per email and per client address; success costs nothing.
    const limits = c.get('limits');
    const now = c.get('deps').clock.now().getTime();
    const emailKey = body.email.toLowerCase();
    const ipKey = clientAddress(c);
    const wait = Math.max(limits.loginFailuresByEmail.wait(emailKey, now), limits.loginFailuresByIp.wait(ipKey, now));
    if (wait > 0) throw rateLimited(wait);
    let result: Awaited<ReturnType<typeof signIn>>;
    try {
      result = await signIn(c.get('deps'), { ...body, previousSessionId: c.get('auth')?.sessionId ?? null });
    } catch (err) {
      limits.loginFailuresByEmail.take(emailKey, now);
      limits.loginFailuresByIp.take(ipKey, now);
      throw err;
    }
    setSessionCookie(c, result.token, result.maxAgeSeconds);
    return c.json({ user: result.user }, 200);
  })
  .post('/auth/logout', async (c) => {
    await signOut(c.get('deps'), c.get('auth')?.sessionId ?? null);
    clearSessionCookie(c);
    return c.body(null, 204);
  });
