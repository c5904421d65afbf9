import type { List, Refund } from '@idv/contracts';
import { presentCertificateRefundRecord } from '../../certificate-presenters.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { presentRefund } from '../../order-presenters.ts';
import { listCertificateRefunds } from '../../repositories/certificates.ts';
import { listRefunds } from '../../repositories/refunds.ts';

const badCursor = () =>
  new AppError('INVALID_REQUEST', 400, 'The cursor is not valid.', {
    errors: [{ path: 'cursor', message: 'invalid cursor' }],
  });

/**
 * The account's completed refunds, newest first (R8.4: a completed refund is final): pack refunds and
 * (R8.6) refunded SSL certificate orders, told apart by `kind`. Each source gives its first `limit + 1`
 * after the cursor; the merged first `limit + 1` are then exactly the next page of the union.
 */
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
  const [packs, certs] = await Promise.all([
    listRefunds(deps.db, accountId, after, q.limit + 1),
    listCertificateRefunds(deps.db, accountId, after, q.limit + 1),
  ]);
  const list = [
    ...packs.map((r) => ({ at: r.createdAt, id: r.id, item: presentRefund(r) })),
    ...certs.map((c) => ({ at: c.refundedAt, id: c.id, item: presentCertificateRefundRecord(c) })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const page = list.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => r.item),
    nextCursor: list.length > q.limit && last ? encodeCursor([last.at.getTime(), last.id]) : null,
  };
}
