import type { CertificateOrder, List } from '@idv/contracts';
import { presentCertificate } from '../../certificate-presenters.ts';
import type { Deps } from '../../deps.ts';
import { createdAtPage, decodeCreatedAtCursor, type PageQuery } from '../../lib/cursor.ts';
import { listCertificateOrders } from '../../repositories/certificates.ts';

/** R8.6 The account's SSL certificate orders, newest first, each with its open actions. */
export async function listCertificatesUseCase(
  deps: Deps,
  accountId: string,
  q: PageQuery,
): Promise<List<CertificateOrder>> {
  const after = decodeCreatedAtCursor(q.cursor);
  const list = await listCertificateOrders(deps.db, accountId, after, q.limit + 1);
  return createdAtPage(list, q.limit, (c) => ({ at: c.createdAt, id: c.id }), presentCertificate);
}
