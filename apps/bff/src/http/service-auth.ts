import { AppError } from '../errors.ts';
import { sha256 } from '../lib/crypto.ts';
import { SERVICE_KEY_PREFIX } from '../lib/service-key.ts';
import { accountOfKeyHash } from '../repositories/service-keys.ts';
import type { Ctx } from './context.ts';

const unauthorized = () =>
  new AppError('UNAUTHENTICATED', 401, 'Send a usage service key as "Authorization: Bearer idv_sk_…".');

/**
 * The usage endpoint is called by the verification service, not by the console: it authenticates
 * ONLY with a live service key in `Authorization: Bearer` (a session cookie is ignored here).
 */
export async function requireServiceAccount(c: Ctx): Promise<string> {
  const header = c.req.header('authorization') ?? '';
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  const key = m?.[1];
  if (!key?.startsWith(SERVICE_KEY_PREFIX) || key.length > 200) throw unauthorized();
  const accountId = await accountOfKeyHash(c.get('deps').db, sha256(key));
  if (!accountId) throw unauthorized();
  c.set('serviceAccountId', accountId);
  return accountId;
}
