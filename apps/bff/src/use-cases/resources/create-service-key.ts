import type { CreatedServiceKey } from '@idv/contracts';
import type { DbOrTx } from '@idv/db';
import type { Auth, Deps } from '../../deps.ts';
import { newId, randomToken, sha256 } from '../../lib/crypto.ts';
import { SERVICE_KEY_PREFIX } from '../../lib/service-key.ts';
import { presentServiceKey } from '../../presenters.ts';
import { accountNow, getAccountRow } from '../../repositories/accounts.ts';
import { audit } from '../../repositories/audit.ts';
import { insertServiceKey } from '../../repositories/service-keys.ts';

/** Issues a usage service key on its own (fixtures and tests). */
export function issueServiceKey(deps: Deps, accountId: string, name: string, at: Date) {
  return issueServiceKeyIn(deps.db, accountId, name, at);
}

/** Issues a usage service key in `db` (a transaction that also writes its audit row). Only its sha-256 is stored: the key is returned this once. */
export async function issueServiceKeyIn(
  db: DbOrTx,
  accountId: string,
  name: string,
  at: Date,
): Promise<{ key: string; row: Awaited<ReturnType<typeof insertServiceKey>> }> {
  const key = `${SERVICE_KEY_PREFIX}${randomToken(24)}`;
  const row = await insertServiceKey(db, {
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
  // R9.2 the key and its audit row commit together: a key never exists without its trail.
  const { key, row } = await deps.db.transaction(async (tx) => {
    const issued = await issueServiceKeyIn(tx, accountId, body.name, at);
    await audit(tx, {
      auth,
      accountId,
      action: 'service_key.create',
      outcome: 'ok',
      at,
      requestId,
      detail: { keyId: issued.row.id, prefix: issued.row.prefix },
    });
    return issued;
  });
  return { ...presentServiceKey(row), key };
}
