import { requireAccount } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { idempotencyKey, sendOutcome } from '../http/idempotency-key.ts';
import { approveEidMerchant } from '../use-cases/account/approve-eid-merchant.ts';
import { getAccount } from '../use-cases/account/get-account.ts';
import { updateAccountSettings } from '../use-cases/account/update-account-settings.ts';
import { rechargeAccount } from '../use-cases/recharge/recharge-account.ts';

export const accountRoutes = declaredRoutes()
  .get('/account', async (c) => {
    const { accountId, account } = requireAccount(c);
    return c.json(await getAccount(c.get('deps'), accountId, undefined, account));
  })
  .patch('/account', async (c, input) => {
    const { auth, accountId } = requireAccount(c, 'settings');
    const body = await input.body();
    return c.json(
      await updateAccountSettings(c.get('deps'), {
        auth,
        accountId,
        postpaidEnabled: body.postpaidEnabled,
        requestId: c.get('requestId'),
      }),
    );
  })
  .post('/account/recharge', async (c, input) => {
    const { auth, accountId } = requireAccount(c, 'recharge');
    const key = idempotencyKey(c);
    const body = await input.body();
    const outcome = await rechargeAccount(c.get('deps'), {
      auth,
      accountId,
      amount: body.amount,
      idempotencyKey: key,
      requestId: c.get('requestId'),
    });
    return sendOutcome(c, outcome);
  })
  .post('/account/eid-merchant', async (c) => {
    const { auth, accountId } = requireAccount(c, 'settings');
    return c.json(await approveEidMerchant(c.get('deps'), { auth, accountId, requestId: c.get('requestId') }));
  });
