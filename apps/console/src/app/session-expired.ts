import type { QueryClient } from '@tanstack/react-query';
import { loginPath } from '../features/auth/safe-next.ts';
import { onUnauthorized } from '../lib/session-expiry.ts';
import type { AppRouter } from './router.tsx';

const ME_KEY = ['me'] as const;

/**
 * Issue 17: the session ended while the user worked (a read or a write answered 401 UNAUTHENTICATED).
 * Send them to sign in with `next=` the page they were on (its URL holds the page's form state, e.g.
 * the buy page's label, size, quantity and voucher), say why, and forget who was signed in so the
 * header stops showing their name. A 401 from /me itself is the route guard's (a first visit, not an
 * expiry); a 401 BAD_CREDENTIALS is a failed sign-in, shown by the sign-in form.
 */
export function listenForSessionExpiry(queryClient: QueryClient, r: AppRouter): () => void {
  return onUnauthorized(({ path, code }) => {
    if (code !== 'UNAUTHENTICATED' || path === '/me') return;
    const here = r.state.location;
    const going = r.state.navigation.location;
    if (here.pathname === '/login' || going?.pathname === '/login') return;
    const wasSignedIn = queryClient.getQueryData(ME_KEY) !== undefined;
    void r.navigate(loginPath(`${here.pathname}${here.search}`, wasSignedIn ? 'expired' : undefined), {
      replace: true,
    });
    queryClient.removeQueries({ queryKey: ME_KEY });
  });
}
