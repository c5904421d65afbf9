import type { List, Refund } from '@idv/contracts';
import { presentCertificateRefundRecord } from '../../certificate-presenters.ts';
import type { Deps } from '../../deps.ts';
import { createdAtPage, decodeCreatedAtCursor, type PageQuery } from '../../lib/cursor.ts';
import { presentRefund } from '../../order-presenters.ts';
import { listCertificateRefunds } from '../../repositories/certificates.ts';
import { listRefunds } from '../../repositories/refunds.ts';

/**
 * The account's completed refunds, newest first (R8.4: a completed refund is final): pack refunds and
 * (R8.6) refunded SSL certificate orders, told apart by `kind`. Each source gives its first `limit + 1`
 * after the cursor; the merged first `limit + 1` are then exactly the next page of the union.
 */
export async function listRefundsUseCase(deps: Deps, accountId: string, q: PageQuery): Promise<List<Refund>> {
  const after = decodeCreatedAtCursor(q.cursor);
  const [packs, certs] = await Promise.all([
    listRefunds(deps.db, accountId, after, q.limit + 1),
    listCertificateRefunds(deps.db, accountId, after, q.limit + 1),
  ]);
  const list = [
    ...packs.map((r) => ({ at: r.createdAt, id: r.id, item: presentRefund(r) })),
    ...certs.map((c) => ({ at: c.refundedAt, id: c.id, item: presentCertificateRefundRecord(c) })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return createdAtPage(
    list,
    q.limit,
    (r) => r,
    (r) => r.item,
  );
}
