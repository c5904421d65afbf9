import type { BillListQuery, BillResourcesResponse } from '@idv/contracts';
import type { Deps } from '../../deps.ts';
import { ANY_TEXT, decodeJsonCursor, encodeJsonCursor, keysetPage } from '../../lib/cursor.ts';
import { listResourceBill, type ResourceCursor } from '../../repositories/bills/resource-bill.ts';
import { ACCOUNT_WIDE_ALIAS, matchesNothing, presentMoney, resolveBillFilter } from './bills-shared.ts';

/** (total with 4 decimals, resource id or '' for account-wide, product). */
function decodeResourceCursor(cursor: string): ResourceCursor {
  const [total = '', resourceKey = '', product = ''] = decodeJsonCursor(cursor, [
    /^-?\d{1,20}\.\d{4}$/,
    ANY_TEXT,
    ANY_TEXT,
  ]);
  return { total, resourceKey, product };
}

/**
 * R5.5 resource-ID bill: one row per resource and product, total desc, then resource id, then
 * product. Purchases and refunds belong to no resource: they form one row per product with
 * resourceId null and alias "(account-wide)" (they are excluded by a project, region or q filter).
 * Keyset pagination on (total, resource id, product); `summary` covers every row of the filter.
 */
export async function listBillResources(
  deps: Deps,
  accountId: string,
  q: BillListQuery,
): Promise<BillResourcesResponse> {
  const after = q.cursor ? decodeResourceCursor(q.cursor) : undefined;
  const f = await resolveBillFilter(deps.db, accountId, q);
  if (matchesNothing(f)) return { items: [], nextCursor: null, summary: { count: 0, total: '0.00', rows: 0 } };
  const { rows, summary } = await listResourceBill(deps.db, accountId, f, after, q.limit + 1);
  return {
    ...keysetPage(
      rows,
      q.limit,
      (r) => ({
        resourceId: r.resourceId,
        alias: r.resourceId === null ? ACCOUNT_WIDE_ALIAS : (r.alias ?? r.resourceId),
        project: r.project,
        region: r.region,
        product: r.product,
        total: presentMoney(r.total),
        count: r.count,
        quantity: r.quantity,
        accountWide: r.resourceId === null,
      }),
      (last) => encodeJsonCursor([last.total, last.resourceId ?? '', last.product]),
    ),
    summary: { count: summary.count, total: presentMoney(summary.total), rows: summary.rows },
  };
}
