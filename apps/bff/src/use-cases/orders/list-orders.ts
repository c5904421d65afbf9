import type { List, Order, OrderSummary } from '@idv/contracts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { createdAtPage, decodeCreatedAtCursor, type PageQuery } from '../../lib/cursor.ts';
import { presentOrder, presentOrderSummary } from '../../order-presenters.ts';
import { presentPack } from '../../presenters.ts';
import { accountNow, getAccountRow } from '../../repositories/accounts.ts';
import { catalogMap } from '../../repositories/catalog.ts';
import { getOrder, listOrders } from '../../repositories/orders.ts';
import { packsOfOrder } from '../../repositories/packs.ts';

/** The account's orders, newest first (the itemized bill links prepaid lines here, R5.5). */
export async function listOrdersUseCase(deps: Deps, accountId: string, q: PageQuery): Promise<List<OrderSummary>> {
  const after = decodeCreatedAtCursor(q.cursor);
  const list = await listOrders(deps.db, accountId, after, q.limit + 1);
  const labels = await catalogMap(deps.db);
  return createdAtPage(
    list,
    q.limit,
    (o) => ({ at: o.createdAt, id: o.id }),
    (o) => presentOrderSummary(o, labels),
  );
}

/** One order with its packs as they are now; another account's order is 404. */
export async function getOrderUseCase(deps: Deps, accountId: string, id: string): Promise<Order> {
  const account = await getAccountRow(deps.db, accountId);
  if (!account) throw notFound('account');
  const order = await getOrder(deps.db, accountId, id);
  if (!order) throw notFound('order');
  const now = accountNow(deps.clock, account);
  const labels = await catalogMap(deps.db);
  const packs = (await packsOfOrder(deps.db, accountId, id, now)).map((r) =>
    presentPack(r, labels, now, account.violation),
  );
  return presentOrder(order, labels, packs);
}
