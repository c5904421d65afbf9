import type { AuditEntry, List } from '@idv/contracts';
import type { Deps } from '../deps.ts';
import { notFound } from '../errors.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { iso } from '../presenters.ts';
import { listAudit } from '../repositories/staff.ts';

/** R9.2: the account's audit log, newest first; customers see when support looked and why. */
export async function listAuditUseCase(
  deps: Deps,
  accountId: string,
  q: { cursor?: string | undefined; limit: number },
): Promise<List<AuditEntry>> {
  let before: bigint | undefined;
  if (q.cursor) {
    const [id] = decodeCursor(q.cursor, 1);
    if (!/^\d+$/.test(id ?? '')) throw notFound('cursor');
    before = BigInt(id ?? '0');
  }
  const found = await listAudit(deps.db, accountId, q.limit + 1, before);
  const page = found.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ entry: e, actorName }) => ({
      id: e.id.toString(),
      at: iso(e.at),
      actor: { id: e.actorId, kind: e.actorKind, name: actorName },
      accountId: e.accountId,
      impersonationId: e.impersonationId,
      action: e.action,
      reason: e.reason,
      requestId: e.requestId,
      outcome: e.outcome,
    })),
    nextCursor: found.length > q.limit && last ? encodeCursor([last.entry.id]) : null,
  };
}
