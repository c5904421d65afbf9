/**
 * Issue 17: a session that ends while the user works (on any read or write) is noticed in one place.
 * The api-client reports every 401 here; the app layer subscribes once (app/session-expired.ts) and
 * sends the user to sign in with `next=` back to where they were. Kept apart from api-client.ts so the
 * client stays a transport and the reaction stays in the app.
 */
export interface Unauthorized {
  /** The API path that answered 401, e.g. `/orders` or `/me`. */
  path: string;
  /** The problem's code: `UNAUTHENTICATED` for an ended session, `BAD_CREDENTIALS` for a failed sign-in. */
  code: string;
}

type Listener = (u: Unauthorized) => void;
const listeners = new Set<Listener>();

/** Subscribe to 401 answers; returns the unsubscribe function. */
export function onUnauthorized(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Called by the api-client for each 401 answer, before it throws the ApiError. */
export function reportUnauthorized(u: Unauthorized): void {
  for (const l of listeners) l(u);
}
