import { requireAccount } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { idempotentPost } from '../http/idempotency-key.ts';
import { getOrderUseCase, listOrdersUseCase } from '../use-cases/orders/list-orders.ts';
import { placeOrder } from '../use-cases/orders/place-order.ts';

export const orderRoutes = declaredRoutes()
  .post('/orders', (c, input) =>
    idempotentPost(c, 'buy', async (request) => placeOrder(c.get('deps'), { ...request, body: await input.body() })),
  )
  .get('/orders', async (c, input) => {
    const { accountId } = requireAccount(c);
    return c.json(await listOrdersUseCase(c.get('deps'), accountId, input.query()));
  })
  .get('/orders/:id', async (c, input) => {
    const { accountId } = requireAccount(c);
    const { id } = input.params();
    return c.json(await getOrderUseCase(c.get('deps'), accountId, id));
  });
