import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../errors.ts';
import type { Deps } from '../http/context.ts';
import { randomToken, sha256 } from '../http/crypto.ts';
import { deleteSession, findUserByEmail, insertSession } from '../repositories/auth.ts';

export const hashPassword = (password: string) => hash(password);

// A fixed hash to verify against when the email is unknown, so both cases take the same time.
let dummyHash: Promise<string> | null = null;

/** Sign in: a new session each time (rotation), uniform error whether or not the email exists. */
export async function signIn(deps: Deps, input: { email: string; password: string; previousSessionId: string | null }) {
  const user = await findUserByEmail(deps.db, input.email);
  dummyHash ??= hash('not-a-real-password');
  const ok = await verify(user?.passwordHash ?? (await dummyHash), input.password).catch(() => false);
  if (!user || !ok) throw new AppError('BAD_CREDENTIALS', 401, 'The email or password is not correct.');
  if (input.previousSessionId) await deleteSession(deps.db, input.previousSessionId);
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
