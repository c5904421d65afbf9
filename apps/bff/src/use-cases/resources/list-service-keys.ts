import type { List, ServiceKey } from '@idv/contracts';
import type { Deps } from '../../deps.ts';
import { presentServiceKey } from '../../presenters.ts';
import { listServiceKeys } from '../../repositories/service-keys.ts';

/** An account holds a handful of keys: one page, revoked keys included (so the owner sees when). */
export async function listServiceKeysUseCase(deps: Deps, accountId: string): Promise<List<ServiceKey>> {
  const list = await listServiceKeys(deps.db, accountId);
  return { items: list.map(presentServiceKey), nextCursor: null };
}
