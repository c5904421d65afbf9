import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/account: balances, vouchers, settlement and service status (R2, R6). */
export function accountQueryOptions() {
  return queryOptions({
    queryKey: ['account'] as const,
    queryFn: ({ signal }) => api.get('/account', { signal }),
  });
}
