import type { List, Resource } from '@idv/contracts';
import type { Deps } from '../../deps.ts';
import { createdAtPage, decodeCreatedAtCursor, type PageQuery } from '../../lib/cursor.ts';
import { presentResource } from '../../presenters.ts';
import { listResources } from '../../repositories/resources.ts';

export async function listResourcesUseCase(deps: Deps, accountId: string, q: PageQuery): Promise<List<Resource>> {
  const after = decodeCreatedAtCursor(q.cursor, 'epoch');
  const list = await listResources(deps.db, accountId, { after, limit: q.limit + 1 });
  return createdAtPage(list, q.limit, (r) => ({ at: r.createdAt, id: r.id }), presentResource);
}
