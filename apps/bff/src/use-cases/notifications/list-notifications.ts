import type { Notification } from '@idv/contracts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { iso, isoOrNull } from '../../presenters.ts';
import { listNotifications, unreadCount } from '../../repositories/notifications.ts';

/** R7 notification centre, newest first, in the reader's language. */
export async function listNotificationsUseCase(
  deps: Deps,
  accountId: string,
  q: { cursor?: string | undefined; limit: number; unread?: 'true' | 'false' | undefined; lang: 'zh-CN' | 'en' },
) {
  let before: bigint | undefined;
  if (q.cursor) {
    const [id] = decodeCursor(q.cursor, 1);
    if (!/^\d+$/.test(id ?? '')) throw notFound('cursor');
    before = BigInt(id ?? '0');
  }
  const found = await listNotifications(deps.db, accountId, q.limit + 1, before, q.unread === 'true');
  const page = found.slice(0, q.limit);
  const last = page.at(-1);
  const en = q.lang === 'en';
  return {
    items: page.map(
      (n): Notification => ({
        id: n.id.toString(),
        kind: n.kind as Notification['kind'],
        title: en ? n.titleEn : n.titleZh,
        body: en ? n.bodyEn : n.bodyZh,
        createdAt: iso(n.createdAt),
        readAt: isoOrNull(n.readAt),
        channels: n.channels,
        params: n.params ?? null,
      }),
    ),
    nextCursor: found.length > q.limit && last ? encodeCursor([last.id]) : null,
    unreadCount: await unreadCount(deps.db, accountId),
  };
}
