import type { CreateBudgetBody, PatchBudgetBody } from '@idv/contracts';
import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/budgets (R10.1): every budget with this month's spent, forecast, alerts and daily spending. */
export function budgetsQueryOptions() {
  return queryOptions({
    queryKey: ['budgets'] as const,
    queryFn: ({ signal }) => api.get('/budgets', { signal }),
  });
}

/** POST /api/v1/budgets */
export function createBudgetMutationOptions() {
  return mutationOptions({
    mutationKey: ['budgets', 'create'],
    mutationFn: (body: CreateBudgetBody) => api.post('/budgets', body),
  });
}

/** PATCH /api/v1/budgets/:id */
export function patchBudgetMutationOptions() {
  return mutationOptions({
    mutationKey: ['budgets', 'patch'],
    mutationFn: ({ id, body }: { id: string; body: PatchBudgetBody }) =>
      api.patch('/budgets/:id', body, { params: { id } }),
  });
}

/** DELETE /api/v1/budgets/:id */
export function deleteBudgetMutationOptions() {
  return mutationOptions({
    mutationKey: ['budgets', 'delete'],
    mutationFn: (id: string) => api.delete('/budgets/:id', { params: { id } }),
  });
}
