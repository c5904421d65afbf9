import type { CreateBudgetBody, PatchBudgetBody } from '@idv/contracts';
import { api } from '../../../lib/api-client.ts';
import { getQueryOptions, mutationOptionsOf } from '../../../lib/api-client-queries.ts';

/** GET /api/v1/budgets (R10.1): every budget with this month's spent, forecast, alerts and daily spending. */
export const budgetsQueryOptions = () => getQueryOptions(['budgets'], '/budgets');

/** POST /api/v1/budgets */
export const createBudgetMutationOptions = mutationOptionsOf(['budgets', 'create'], (body: CreateBudgetBody) =>
  api.post('/budgets', body),
);

/** PATCH /api/v1/budgets/:id */
export const patchBudgetMutationOptions = mutationOptionsOf(
  ['budgets', 'patch'],
  ({ id, body }: { id: string; body: PatchBudgetBody }) => api.patch('/budgets/:id', body, { params: { id } }),
);

/** DELETE /api/v1/budgets/:id */
export const deleteBudgetMutationOptions = mutationOptionsOf(['budgets', 'delete'], (id: string) =>
  api.delete('/budgets/:id', { params: { id } }),
);
