import type { List, Refund } from '@idv/contracts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { presentRefund } from '../order-presenters.ts';
import { listRefunds } from '../repositories/refunds.ts';

const badCursor = () =>
  new AppError('INVALID_REQUEST', 400, 'The cursor is not valid.', {
    errors: [{ path: 'cursor', message: 'invalid cursor' }],
  });

/** The account's completed refunds, newest first (R8.4: a completed refund is final). */
export async function listRefundsUseCase(
  deps: Deps,
  accountId: string,
  q: { cursor?: string | undefined; limit: number },
): Promise<List<Refund>> {
  let after: { createdAt: Date; id: string } | undefined;
  if (q.cursor) {
    const [ms, id] = decodeCursor(q.cursor, 2);
    if (!/^\d+$/.test(ms ?? '')) throw badCursor();
    after = { createdAt: new Date(Number.parseInt(ms ?? '0', 10)), id: id ?? '' };
  }
  const list = await listRefunds(deps.db, accountId, after, q.limit + 1);
  const page = list.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentRefund),
    nextCursor: list.length > q.limit && last ? encodeCursor([last.createdAt.getTime(), last.id]) : null,
  };
}
