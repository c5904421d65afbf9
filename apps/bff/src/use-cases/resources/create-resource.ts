import { randomBytes } from 'node:crypto';
import type { Resource } from '@idv/contracts';
import type { Auth, Deps } from '../../deps.ts';
import { presentResource } from '../../presenters.ts';
import { accountNow, getAccountRow } from '../../repositories/accounts.ts';
import { audit } from '../../repositories/audit.ts';
import { insertResource } from '../../repositories/resources.ts';

/** Registers one of the customer's applications (R4.1 resource id, R5.5 resource-ID bill). */
export async function createResource(
  deps: Deps,
  auth: Auth,
  accountId: string,
  body: { alias: string; project: string; region: string },
  requestId: string,
): Promise<Resource> {
  const account = await getAccountRow(deps.db, accountId);
  const at = account ? accountNow(deps.clock, account) : deps.clock.now();
  const id = `res-${randomBytes(6).toString('hex')}`;
  // R9.2 the resource and its audit row commit together.
  const row = await deps.db.transaction(async (tx) => {
    const inserted = await insertResource(tx, { id, accountId, ...body, at });
    await audit(tx, { auth, accountId, action: 'resource.create', outcome: 'ok', at, requestId, detail: { id } });
    return inserted;
  });
  return presentResource(row);
}
