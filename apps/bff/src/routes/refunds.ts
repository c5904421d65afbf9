import { requireAccount } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { idempotentPost } from '../http/idempotency-key.ts';
import { listRefundsUseCase } from '../use-cases/refunds/list-refunds.ts';
import { requestRefund } from '../use-cases/refunds/request-refund.ts';

export const refundRoutes = declaredRoutes()
  .post('/refunds', (c, input) =>
    idempotentPost(c, 'refund', async (request) =>
      requestRefund(c.get('deps'), { ...request, packId: BigInt((await input.body()).packId) }),
    ),
  )
  .get('/refunds', async (c, input) => {
    const { accountId } = requireAccount(c);
    return c.json(await listRefundsUseCase(c.get('deps'), accountId, input.query()));
  });
