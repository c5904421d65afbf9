import { clientAddress } from '../http/client-address.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { clearSessionCookie, setSessionCookie } from '../http/session.ts';
import { signIn, signOut } from '../use-cases/auth/sign-in.ts';

export const authRoutes = declaredRoutes()
  .post('/auth/login', async (c, input) => {
    const body = await input.body();
    // Failed sign-ins are throttled per email and source, and per source (use-cases/auth/sign-in.ts).
    const result = await signIn(c.get('deps'), {
      ...body,
      previousSessionId: c.get('auth')?.sessionId ?? null,
      source: clientAddress(c),
    });
    setSessionCookie(c, result.token, result.maxAgeSeconds);
    return c.json({ user: result.user }, 200);
  })
  .post('/auth/logout', async (c) => {
    await signOut(c.get('deps'), c.get('auth')?.sessionId ?? null);
    clearSessionCookie(c);
    return c.body(null, 204);
  });
