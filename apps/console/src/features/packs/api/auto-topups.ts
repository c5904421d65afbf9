import type { PutAutoTopupBody } from '@idv/contracts';
import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/auto-topups (R10.2): the account's rules, one per label. */
export function autoTopupsQueryOptions() {
  return queryOptions({
    queryKey: ['auto-topups'] as const,
    queryFn: ({ signal }) => api.get('/auto-topups', { signal }),
  });
}

/** PUT /api/v1/auto-topups/:label */
export function putAutoTopupMutationOptions() {
  return mutationOptions({
    mutationKey: ['auto-topups', 'put'],
    mutationFn: ({ label, body }: { label: string; body: PutAutoTopupBody }) =>
      api.put('/auto-topups/:label', body, { params: { label } }),
  });
}

/** DELETE /api/v1/auto-topups/:label */
export function deleteAutoTopupMutationOptions() {
  return mutationOptions({
    mutationKey: ['auto-topups', 'delete'],
    mutationFn: (label: string) => api.delete('/auto-topups/:label', { params: { label } }),
  });
}
