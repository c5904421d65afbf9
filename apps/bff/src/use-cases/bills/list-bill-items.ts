import { formatCst, formatPrice, parseMoney } from '@idv/billing';
import type { BillItem, BillItemsResponse, BillListQuery } from '@idv/contracts';
import type { Deps } from '../../deps.ts';
import { decodeJsonCursor, encodeJsonCursor, keysetPage } from '../../lib/cursor.ts';
import type { ItemCursor } from '../../repositories/bills/filters.ts';
import { type BillItemRow, listBillItems } from '../../repositories/bills/items.ts';
import { billSummary } from '../../repositories/bills/overview.ts';
import { matchesNothing, presentMoney, resolveBillFilter } from './bills-shared.ts';

/** (occurred_at as UTC text with microseconds, charge id). */
function decodeItemCursor(cursor: string): ItemCursor {
  const [at = '', id = ''] = decodeJsonCursor(cursor, [
    /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?$/,
    /^\d{1,19}$/,
  ]);
  return { at, id: BigInt(id) };
}

export function presentBillItem(r: BillItemRow): BillItem {
  return {
    id: r.id.toString(),
    occurredAt: formatCst(r.occurredAt),
    month: r.month,
    resourceId: r.resourceId,
    alias: r.alias,
    project: r.project,
    region: r.region,
    product: r.product,
    label: r.label,
    billingMode: r.billingMode,
    transactionType: r.transactionType,
    unitPrice: formatPrice(parseMoney(r.unitPrice)),
    quantity: r.quantity,
    amount: presentMoney(r.amount),
    paid: {
      cash: presentMoney(r.paidCash),
      income: presentMoney(r.paidIncome),
      gift: presentMoney(r.paidGift),
      voucher: presentMoney(r.paidVoucher),
    },
    orderId: r.orderId,
    packId: r.packId === null ? null : r.packId.toString(),
    settlementId: r.settlementId,
  };
}

/**
 * R5.5 itemized bill: one row per charge, never aggregated, newest first: (occurred_at desc, id desc),
 * keyset-paginated so pages are stable under inserts and a page 100,000 rows deep costs the same as
 * the first. `summary` is the count and total of every row of the filter (from bill_aggregates).
 */
export async function listBillItemsUseCase(
  deps: Deps,
  accountId: string,
  q: BillListQuery,
): Promise<BillItemsResponse> {
  const after = q.cursor ? decodeItemCursor(q.cursor) : undefined;
  const f = await resolveBillFilter(deps.db, accountId, q);
  if (matchesNothing(f)) return { items: [], nextCursor: null, summary: { count: 0, total: '0.00' } };
  // Independent reads: on PostgreSQL they run on two pooled connections at once.
  const [rowsPlusOne, summary] = await Promise.all([
    listBillItems(deps.db, accountId, f, after, q.limit + 1),
    billSummary(deps.db, accountId, f),
  ]);
  return {
    ...keysetPage(rowsPlusOne, q.limit, presentBillItem, (last) =>
      encodeJsonCursor([last.cursorAt, last.id.toString()]),
    ),
    summary: { count: summary.count, total: presentMoney(summary.total) },
  };
}
