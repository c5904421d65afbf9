import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { decodeCursor, encodeCursor, type PageQuery } from '../../lib/cursor.ts';
import { isoOrNull } from '../../presenters.ts';
import { listOutbox } from '../../repositories/notifications.ts';

/** Staff: the email/SMS outbox (with no SMTP or SMS provider configured, messages end here). */
export async function listOutboxUseCase(deps: Deps, q: PageQuery) {
  let before: bigint | undefined;
  if (q.cursor) {
    const [id] = decodeCursor(q.cursor, 1);
    if (!/^\d+$/.test(id ?? '')) throw notFound('cursor');
    before = BigInt(id ?? '0');
  }
  const found = await listOutbox(deps.db, q.limit + 1, before);
  const page = found.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ o, accountId, kind }) => ({
      id: o.id.toString(),
      accountId,
      kind,
      channel: o.channel,
      recipient: o.recipient,
      subject: o.subject,
      body: o.body,
      status: o.status,
      attempts: o.attempts,
      provider: o.provider,
      sentAt: isoOrNull(o.sentAt),
    })),
    nextCursor: found.length > q.limit && last ? encodeCursor([last.o.id]) : null,
  };
}
