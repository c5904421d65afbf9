import { AutoTopupLabelParam, PutAutoTopupBody } from '@idv/contracts';
import { requireAccount } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { jsonBody, params } from '../http/validate.ts';
import { deleteAutoTopup, listAutoTopups, putAutoTopup } from '../use-cases/manage-auto-topups.ts';

/** R10.2 Rules spend money: owner and finance ('buy') edit them, every role reads them. */
export const autoTopupRoutes = declaredRoutes()
  .get('/auto-topups', async (c) => {
    const { accountId } = requireAccount(c);
    return c.json(await listAutoTopups(c.get('deps'), accountId));
  })
  .put('/auto-topups/:label', async (c) => {
    const { auth, accountId } = requireAccount(c, 'buy');
    const { label } = params(c, AutoTopupLabelParam);
    const body = await jsonBody(c, PutAutoTopupBody);
    return c.json(await putAutoTopup(c.get('deps'), { auth, accountId, label, body, requestId: c.get('requestId') }));
  })
  .delete('/auto-topups/:label', async (c) => {
    const { auth, accountId } = requireAccount(c, 'buy');
    const { label } = params(c, AutoTopupLabelParam);
    await deleteAutoTopup(c.get('deps'), { auth, accountId, label, requestId: c.get('requestId') });
    return c.body(null, 204);
  });
