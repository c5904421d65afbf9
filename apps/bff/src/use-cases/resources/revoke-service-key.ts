import type { Auth, Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { accountNow, getAccountRow } from '../../repositories/accounts.ts';
import { audit } from '../../repositories/audit.ts';
import { revokeServiceKey } from '../../repositories/service-keys.ts';

/** Revokes a key at once; another account's key is 404. Revoking twice is harmless. */
export async function revokeServiceKeyUseCase(
  deps: Deps,
  auth: Auth,
  accountId: string,
  id: string,
  requestId: string,
): Promise<void> {
  const account = await getAccountRow(deps.db, accountId);
  const at = account ? accountNow(deps.clock, account) : deps.clock.now();
  // R9.2 the revocation and its audit row commit together.
  await deps.db.transaction(async (tx) => {
    const row = await revokeServiceKey(tx, accountId, id, at);
    if (!row) throw notFound('service key');
    await audit(tx, {
      auth,
      accountId,
      action: 'service_key.revoke',
      outcome: 'ok',
      at,
      requestId,
      detail: { keyId: id },
    });
  });
}
