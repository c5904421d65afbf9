import { requireAccount } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { idempotentPost } from '../http/idempotency-key.ts';
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
  .post('/account/recharge', (c, input) =>
    idempotentPost(c, 'recharge', async (request) =>
      rechargeAccount(c.get('deps'), { ...request, amount: (await input.body()).amount }),
    ),
  )
  .post('/account/eid-merchant', async (c) => {
    const { auth, accountId } = requireAccount(c, 'settings');
    return c.json(await approveEidMerchant(c.get('deps'), { auth, accountId, requestId: c.get('requestId') }));
  });
