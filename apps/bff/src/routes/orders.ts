import { OrderIdParam, OrdersQuery, PlaceOrderBody } from '@idv/contracts';
import { requireAccount } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { idempotencyKey, sendOutcome } from '../http/idempotency-key.ts';
import { jsonBody, params, query } from '../http/validate.ts';
import { getOrderUseCase, listOrdersUseCase } from '../use-cases/list-orders.ts';
import { placeOrder } from '../use-cases/place-order.ts';

export const orderRoutes = declaredRoutes()
  .post('/orders', async (c) => {
    const { auth, accountId } = requireAccount(c, 'buy');
    const key = idempotencyKey(c);
    const body = await jsonBody(c, PlaceOrderBody);
    const outcome = await placeOrder(c.get('deps'), {
      auth,
      accountId,
      body,
      idempotencyKey: key,
      requestId: c.get('requestId'),
    });
    return sendOutcome(c, outcome);
  })
  .get('/orders', async (c) => {
    const { accountId } = requireAccount(c);
    return c.json(await listOrdersUseCase(c.get('deps'), accountId, query(c, OrdersQuery)));
  })
  .get('/orders/:id', async (c) => {
    const { accountId } = requireAccount(c);
    const { id } = params(c, OrderIdParam);
    return c.json(await getOrderUseCase(c.get('deps'), accountId, id));
  });
