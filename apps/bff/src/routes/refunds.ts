import { requireAccount } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { idempotencyKey, sendOutcome } from '../http/idempotency-key.ts';
import { listRefundsUseCase } from '../use-cases/refunds/list-refunds.ts';
import { requestRefund } from '../use-cases/refunds/request-refund.ts';

export const refundRoutes = declaredRoutes()
  .post('/refunds', async (c, input) => {
    const { auth, accountId } = requireAccount(c, 'refund');
    const key = idempotencyKey(c);
    const body = await input.body();
    const outcome = await requestRefund(c.get('deps'), {
      auth,
      accountId,
      packId: BigInt(body.packId),
      idempotencyKey: key,
      requestId: c.get('requestId'),
    });
    return sendOutcome(c, outcome);
  })
  .get('/refunds', async (c, input) => {
    const { accountId } = requireAccount(c);
    return c.json(await listRefundsUseCase(c.get('deps'), accountId, input.query()));
  });
