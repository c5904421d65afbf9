import { requireAccount } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { createBudget, listBudgets, patchBudget, removeBudget } from '../use-cases/budgets/manage-budgets.ts';

/** R10.1 Owner and finance ('buy': the money roles) edit budgets; every role reads them. */
export const budgetRoutes = declaredRoutes()
  .get('/budgets', async (c, input) => {
    const { accountId } = requireAccount(c);
    const { month } = input.query();
    return c.json(await listBudgets(c.get('deps'), accountId, month));
  })
  .post('/budgets', async (c, input) => {
    const { auth, accountId } = requireAccount(c, 'buy');
    const body = await input.body();
    return c.json(await createBudget(c.get('deps'), { auth, accountId, body, requestId: c.get('requestId') }), 201);
  })
  .patch('/budgets/:id', async (c, input) => {
    const { auth, accountId } = requireAccount(c, 'buy');
    const { id } = input.params();
    const body = await input.body();
    return c.json(await patchBudget(c.get('deps'), { auth, accountId, id, body, requestId: c.get('requestId') }));
  })
  .delete('/budgets/:id', async (c, input) => {
    const { auth, accountId } = requireAccount(c, 'buy');
    const { id } = input.params();
    await removeBudget(c.get('deps'), { auth, accountId, id, requestId: c.get('requestId') });
    return c.body(null, 204);
  });
