/**
 * The page to return to after sign-in, from `?next=`. Only same-site paths are accepted, so a link
 * cannot send the user to another site after they sign in (open redirect).
 */
export function safeNext(next: string | null | undefined, fallback = '/packs'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (next === '/login' || next.startsWith('/login?')) return fallback;
  return next;
}

/** `/login?next=…`; `reason: 'expired'` makes the sign-in page say the session ended (issue 17). */
export function loginPath(next?: string, reason?: 'expired'): string {
  const params = new URLSearchParams();
  if (next && next !== '/') params.set('next', next);
  if (reason) params.set('reason', reason);
  const qs = params.toString();
  return qs ? `/login?${qs}` : '/login';
}
