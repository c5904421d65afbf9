/**
 * The page to return to after sign-in, from `?next=`. Only same-site paths are accepted, so a link
 * cannot send the user to another site after they sign in (open redirect).
 */
export function safeNext(next: string | null | undefined, fallback = '/packs'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (next === '/login' || next.startsWith('/login?')) return fallback;
  return next;
}

export function loginPath(next?: string): string {
  return next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login';
}
