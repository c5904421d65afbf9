import { parseMoney } from '@idv/billing';
import type { List, TimelineItem, TimelineKind } from '@idv/contracts';
import type { Deps } from '../deps.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { iso } from '../presenters.ts';
import { listTimeline } from '../repositories/timeline.ts';
import { presentMoney } from './bills-shared.ts';

/** Issue 18: the account's timeline, newest first, filtered by kind, keyset-paginated on (at, kind, id). */
export async function listTimelineUseCase(
  deps: Deps,
  accountId: string,
  q: { kinds: TimelineKind[]; cursor?: string | undefined; limit: number },
): Promise<List<TimelineItem>> {
  let after: { at: string; kind: string; id: string } | undefined;
  if (q.cursor) {
    const [at = '', kind = '', id = ''] = decodeCursor(q.cursor, 3);
    after = { at, kind, id };
  }
  const found = await listTimeline(deps.db, accountId, q.kinds, after, q.limit + 1);
  const page = found.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      kind: r.kind,
      at: iso(new Date(r.at)),
      id: r.id,
      what: r.what,
      amount: r.amount === null ? null : presentMoney(parseMoney(r.amount)),
      detail: r.detail,
    })),
    nextCursor: found.length > q.limit && last ? encodeCursor([last.at, last.kind, last.id]) : null,
  };
}
