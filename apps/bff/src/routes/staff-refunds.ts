import { requireStaff } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { refuseRefund } from '../use-cases/refunds/refuse-refund.ts';
import { setAccountViolation } from '../use-cases/support/set-account-violation.ts';

/** R8.2, R8.5 staff actions on refunds; support_write only, every one audited. */
export const staffRefundRoutes = declaredRoutes()
  .post('/staff/refund-refusals', async (c, input) => {
    const auth = requireStaff(c, 'support_write');
    const body = await input.body();
    const r = await refuseRefund(c.get('deps'), {
      auth,
      packId: BigInt(body.packId),
      reason: body.reason,
      requestId: c.get('requestId'),
    });
    return c.json(r, 201);
  })
  .put('/staff/accounts/:id/violation', async (c, input) => {
    const auth = requireStaff(c, 'support_write');
    const { id } = input.params();
    const body = await input.body();
    return c.json(
      await setAccountViolation(c.get('deps'), {
        auth,
        accountId: id,
        violation: body.violation,
        reason: body.reason,
        requestId: c.get('requestId'),
      }),
    );
  });
