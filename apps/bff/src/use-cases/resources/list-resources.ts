import type { List, Resource } from '@idv/contracts';
import type { Deps } from '../../deps.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { presentResource } from '../../presenters.ts';
import { listResources } from '../../repositories/resources.ts';

export async function listResourcesUseCase(
  deps: Deps,
  accountId: string,
  q: { cursor?: string | undefined; limit: number },
): Promise<List<Resource>> {
  let after: { createdAt: Date; id: string } | undefined;
  if (q.cursor) {
    const [ms, id] = decodeCursor(q.cursor, 2);
    after = { createdAt: new Date(Number.parseInt(/^\d+$/.test(ms ?? '') ? (ms ?? '0') : '0', 10)), id: id ?? '' };
  }
  const list = await listResources(deps.db, accountId, { after, limit: q.limit + 1 });
  const page = list.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentResource),
    nextCursor: list.length > q.limit && last ? encodeCursor([last.createdAt.getTime(), last.id]) : null,
  };
}
