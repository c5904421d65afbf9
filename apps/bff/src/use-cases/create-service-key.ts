import type { CreatedServiceKey } from '@idv/contracts';
import type { Auth, Deps } from '../deps.ts';
import { newId, randomToken, sha256 } from '../http/crypto.ts';
import { SERVICE_KEY_PREFIX } from '../http/service-auth.ts';
import { presentServiceKey } from '../presenters.ts';
import { accountNow, getAccountRow } from '../repositories/accounts.ts';
import { audit } from '../repositories/audit.ts';
import { insertServiceKey } from '../repositories/service-keys.ts';

/** Issues a usage service key. Only its sha-256 is stored: the key is returned this once. */
export async function issueServiceKey(
  deps: Deps,
  accountId: string,
  name: string,
  at: Date,
): Promise<{ key: string; row: Awaited<ReturnType<typeof insertServiceKey>> }> {
  const key = `${SERVICE_KEY_PREFIX}${randomToken(24)}`;
  const row = await insertServiceKey(deps.db, {
    id: newId('sk'),
    accountId,
    name,
    keyHash: sha256(key),
    prefix: key.slice(0, SERVICE_KEY_PREFIX.length + 4),
    at,
  });
  return { key, row };
}

export async function createServiceKey(
  deps: Deps,
  auth: Auth,
  accountId: string,
  body: { name: string },
  requestId: string,
): Promise<CreatedServiceKey> {
  const account = await getAccountRow(deps.db, accountId);
  const at = account ? accountNow(deps.clock, account) : deps.clock.now();
  const { key, row } = await issueServiceKey(deps, accountId, body.name, at);
  await audit(deps.db, {
    auth,
    accountId,
    action: 'service_key.create',
    outcome: 'ok',
    at,
    requestId,
    detail: { keyId: row.id, prefix: row.prefix },
  });
  return { ...presentServiceKey(row), key };
}
