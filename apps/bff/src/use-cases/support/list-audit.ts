import type { AuditEntry, List } from '@idv/contracts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { decodeCursor, encodeCursor, type PageQuery } from '../../lib/cursor.ts';
import { iso, isoOrNull } from '../../presenters.ts';
import { impersonationsOf } from '../../repositories/audit.ts';
import { listAudit } from '../../repositories/staff.ts';

/**
 * R9.2: the account's audit log, newest first; customers see when support looked and why. Each entry
 * of a support session carries that session (agent, reason, ticket, mode, start, end, how it ended).
 */
export async function listAuditUseCase(deps: Deps, accountId: string, q: PageQuery): Promise<List<AuditEntry>> {
  let before: bigint | undefined;
  if (q.cursor) {
    const [id] = decodeCursor(q.cursor, 1);
    if (!/^\d+$/.test(id ?? '')) throw notFound('cursor');
    before = BigInt(id ?? '0');
  }
  const found = await listAudit(deps.db, accountId, q.limit + 1, before);
  const page = found.slice(0, q.limit);
  const last = page.at(-1);
  const ids = [...new Set(page.flatMap(({ entry }) => (entry.impersonationId ? [entry.impersonationId] : [])))];
  const now = deps.clock.now();
  const sessions = new Map(
    (await impersonationsOf(deps.db, accountId, ids)).map(({ imp, agentName }) => {
      const ended = sessionEnd(imp, now);
      const session = {
        id: imp.id,
        agent: { id: imp.agentId, name: agentName },
        reason: imp.reason,
        ticket: imp.ticket,
        write: imp.write,
        startedAt: iso(imp.startedAt),
        expiresAt: iso(imp.expiresAt),
        // An expired session ended at its limit, whenever the agent's browser noticed.
        endedAt: isoOrNull(ended === 'stopped' ? imp.endedAt : ended === 'expired' ? imp.expiresAt : null),
        ended,
      };
      return [imp.id, session] as const;
    }),
  );
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
      session: (e.impersonationId ? sessions.get(e.impersonationId) : undefined) ?? null,
    })),
    nextCursor: found.length > q.limit && last ? encodeCursor([last.entry.id]) : null,
  };
}

/** How a support session ended: stopped before its limit, expired at it, or still running. */
export function sessionEnd(
  imp: { endedAt: Date | null; expiresAt: Date },
  now: Date,
): 'stopped' | 'expired' | 'active' {
  if (imp.endedAt && imp.endedAt < imp.expiresAt) return 'stopped';
  if (imp.endedAt || now >= imp.expiresAt) return 'expired';
  return 'active';
}
