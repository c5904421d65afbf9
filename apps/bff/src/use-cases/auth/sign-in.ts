import { hash, verify } from '@node-rs/argon2';
import type { Deps } from '../../deps.ts';
import { AppError, rateLimited } from '../../errors.ts';
import { randomToken, sha256 } from '../../lib/crypto.ts';
import { deleteSession, findUserByEmail, insertSession } from '../../repositories/auth.ts';
import { blockedUntil, blockKey, clearKey, countFailure, purgeExpired } from '../../repositories/sign-in-throttle.ts';

export const hashPassword = (password: string) => hash(password);

// A fixed hash to verify against when the email is unknown, so both cases take the same time.
let dummyHash: Promise<string> | null = null;

/**
 * Sign-in throttling (docs/decisions/0013), shared by all instances through PostgreSQL:
 * - per account AND source (`pair`): the first PAIR_FREE failures cost nothing; from then on each
 *   failure refuses that email from that address for a delay that doubles (15 s, 30 s, … 15 min).
 *   The row is forgotten a day after its last failure; a successful sign-in from that address clears it.
 *   Another address is never affected, so guessing cannot lock the real user out.
 * - per source across accounts (`source`): SOURCE_LIMIT failures in a SOURCE_WINDOW refuse every
 *   sign-in from that address until the window ends (password spraying). Success does not clear it.
 */
export const THROTTLE = {
  PAIR_FREE: 5,
  PAIR_BASE_MS: 15_000,
  PAIR_MAX_MS: 15 * 60_000,
  PAIR_FORGET_MS: 24 * 3_600_000,
  SOURCE_LIMIT: 50,
  SOURCE_WINDOW_MS: 15 * 60_000,
} as const;

/** The email is normalised and the pair hashed: the table holds no addresses or emails in clear. */
export const throttleKeys = (email: string, source: string) => ({
  pair: `pair:${sha256(`${email.trim().toLowerCase()}\n${source}`)}`,
  source: `source:${sha256(source)}`,
});

export function pairDelayMs(failures: number): number {
  if (failures < THROTTLE.PAIR_FREE) return 0;
  return Math.min(THROTTLE.PAIR_BASE_MS * 2 ** (failures - THROTTLE.PAIR_FREE), THROTTLE.PAIR_MAX_MS);
}

async function recordFailure(deps: Deps, keys: { pair: string; source: string }, now: Date) {
  const pair = await countFailure(deps.db, keys.pair, now, { forgetMs: THROTTLE.PAIR_FORGET_MS, fixedWindow: false });
  const delay = pairDelayMs(pair.failures);
  if (delay > 0) await blockKey(deps.db, keys.pair, new Date(now.getTime() + delay));
  const source = await countFailure(deps.db, keys.source, now, {
    forgetMs: THROTTLE.SOURCE_WINDOW_MS,
    fixedWindow: true,
  });
  if (source.failures >= THROTTLE.SOURCE_LIMIT) await blockKey(deps.db, keys.source, source.expiresAt);
  // Expired rows go with the failures that make new ones, so the table stays the size of the attacks.
  await purgeExpired(deps.db, now);
}

/**
 * Sign in: a new session each time (rotation), uniform error whether or not the email exists, and
 * refused with 429 + Retry-After while this email from this source (or this source) is throttled.
 */
export async function signIn(
  deps: Deps,
  input: { email: string; password: string; previousSessionId: string | null; source: string },
) {
  const now = deps.clock.now();
  const keys = throttleKeys(input.email, input.source);
  const until = await blockedUntil(deps.db, [keys.pair, keys.source], now);
  if (until) throw rateLimited(Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)));
  const user = await findUserByEmail(deps.db, input.email);
  dummyHash ??= hash('not-a-real-password');
  const ok = await verify(user?.passwordHash ?? (await dummyHash), input.password).catch(() => false);
  if (!user || !ok) {
    await recordFailure(deps, keys, now);
    throw new AppError('BAD_CREDENTIALS', 401, 'The email or password is not correct.');
  }
  await clearKey(deps.db, keys.pair);
  return startSession(deps, user, input.previousSessionId);
}

/** A new session for `user` (sign-in, accepting an invitation). */
export async function startSession(
  deps: Deps,
  user: { id: string; email: string; name: string; kind: 'customer' | 'staff'; roles: string[] },
  previousSessionId: string | null,
) {
  if (previousSessionId) await deleteSession(deps.db, previousSessionId);
  const token = randomToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + deps.config.sessionAbsoluteMs);
  await insertSession(deps.db, { id: sha256(token), userId: user.id, now, expiresAt });
  return {
    token,
    maxAgeSeconds: Math.floor(deps.config.sessionAbsoluteMs / 1000),
    user: { id: user.id, email: user.email, name: user.name, kind: user.kind, roles: user.roles },
  };
}

export async function signOut(deps: Deps, sessionId: string | null): Promise<void> {
  if (sessionId) await deleteSession(deps.db, sessionId);
}
