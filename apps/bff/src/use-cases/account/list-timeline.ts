import { parseMoney } from '@idv/billing';
import type { List, TimelineItem, TimelineKind } from '@idv/contracts';
import type { Auth, Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { iso } from '../../presenters.ts';
import { getAccountRow } from '../../repositories/accounts.ts';
import { auditBy } from '../../repositories/audit.ts';
import { listTimeline } from '../../repositories/timeline.ts';
import { presentMoney } from '../bills/bills-shared.ts';

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

/**
 * Issue 18: a support agent reads an account's timeline from the staff console without impersonating it.
 * Staff only (the route checks the support role); an unknown account is 404. The read is written to the
 * audit log like every staff access ("agent X on account Y", with the reason given), so the customer sees
 * it in their own audit view (R9.2) and in their timeline as a `staff` event.
 */
export async function staffAccountTimeline(
  deps: Deps,
  input: {
    auth: Auth;
    accountId: string;
    q: { kinds: TimelineKind[]; cursor?: string | undefined; limit: number; reason?: string | undefined };
    path: string;
    requestId?: string | undefined;
  },
): Promise<List<TimelineItem>> {
  if (!(await getAccountRow(deps.db, input.accountId))) throw notFound('account');
  const list = await listTimelineUseCase(deps, input.accountId, input.q);
  await auditBy(deps.db, input, {
    action: `GET ${input.path}`,
    outcome: 'ok',
    at: deps.clock.now(),
    reason: input.q.reason || undefined,
    detail: { status: 200, kinds: input.q.kinds },
  });
  return list;
}
