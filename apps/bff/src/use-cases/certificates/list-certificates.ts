import type { CertificateOrder, List } from '@idv/contracts';
import { presentCertificate } from '../../certificate-presenters.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { listCertificateOrders } from '../../repositories/certificates.ts';

/** R8.6 The account's SSL certificate orders, newest first, each with its open actions. */
export async function listCertificatesUseCase(
  deps: Deps,
  accountId: string,
  q: { cursor?: string | undefined; limit: number },
): Promise<List<CertificateOrder>> {
  let after: { createdAt: Date; id: string } | undefined;
  if (q.cursor) {
    const [ms, id] = decodeCursor(q.cursor, 2);
    if (!/^\d+$/.test(ms ?? '')) {
      throw new AppError('INVALID_REQUEST', 400, 'The cursor is not valid.', {
        errors: [{ path: 'cursor', message: 'invalid cursor' }],
      });
    }
    after = { createdAt: new Date(Number.parseInt(ms ?? '0', 10)), id: id ?? '' };
  }
  const list = await listCertificateOrders(deps.db, accountId, after, q.limit + 1);
  const page = list.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentCertificate),
    nextCursor: list.length > q.limit && last ? encodeCursor([last.createdAt.getTime(), last.id]) : null,
  };
}
