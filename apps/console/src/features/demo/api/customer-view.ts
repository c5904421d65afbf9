import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { api, isApiError } from '../../../lib/api-client.ts';

export const customerViewKey = ['demo', 'customer-view'] as const;

/** GET /api/v1/demo/customer-view: whether this session is a PM's customer view (null when it is not). */
export function customerViewQueryOptions() {
  return queryOptions({
    queryKey: customerViewKey,
    queryFn: async ({ signal }) => {
      try {
        return await api.get('/demo/customer-view', { signal });
      } catch (e) {
        if (isApiError(e, 'NOT_FOUND')) return null;
        throw e;
      }
    },
    staleTime: 5 * 60_000,
  });
}

/** DELETE /api/v1/demo/customer-view: back to the PM's own session (audited). */
export function exitCustomerViewMutationOptions() {
  return mutationOptions({
    mutationKey: ['demo', 'customer-view', 'exit'],
    mutationFn: () => api.delete('/demo/customer-view'),
  });
}
