import { requireAccount } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { deleteAutoTopup, listAutoTopups, putAutoTopup } from '../use-cases/recharge/manage-auto-topups.ts';

/** R10.2 Rules spend money: owner and finance ('buy') edit them, every role reads them. */
export const autoTopupRoutes = declaredRoutes()
  .get('/auto-topups', async (c) => {
    const { accountId } = requireAccount(c);
    return c.json(await listAutoTopups(c.get('deps'), accountId));
  })
  .put('/auto-topups/:label', async (c, input) => {
    const { auth, accountId } = requireAccount(c, 'buy');
    const { label } = input.params();
    const body = await input.body();
    return c.json(await putAutoTopup(c.get('deps'), { auth, accountId, label, body, requestId: c.get('requestId') }));
  })
  .delete('/auto-topups/:label', async (c, input) => {
    const { auth, accountId } = requireAccount(c, 'buy');
    const { label } = input.params();
    await deleteAutoTopup(c.get('deps'), { auth, accountId, label, requestId: c.get('requestId') });
    return c.body(null, 204);
  });
