import { RefundsQuery, RequestRefundBody } from '@idv/contracts';
import { requireAccount } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { idempotencyKey, sendOutcome } from '../http/idempotency-key.ts';
import { jsonBody, query } from '../http/validate.ts';
import { listRefundsUseCase } from '../use-cases/list-refunds.ts';
import { requestRefund } from '../use-cases/request-refund.ts';

export const refundRoutes = declaredRoutes()
  .post('/refunds', async (c) => {
    const { auth, accountId } = requireAccount(c, 'refund');
    const key = idempotencyKey(c);
    const body = await jsonBody(c, RequestRefundBody);
    const outcome = await requestRefund(c.get('deps'), {
      auth,
      accountId,
      packId: BigInt(body.packId),
      idempotencyKey: key,
      requestId: c.get('requestId'),
    });
    return sendOutcome(c, outcome);
  })
  .get('/refunds', async (c) => {
    const { accountId } = requireAccount(c);
    return c.json(await listRefundsUseCase(c.get('deps'), accountId, query(c, RefundsQuery)));
  });
