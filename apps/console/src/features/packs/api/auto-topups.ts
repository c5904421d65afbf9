import type { AutoTopupRule, PutAutoTopupBody } from '@idv/contracts';
import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/auto-topups (R10.2): the account's rules, one per label. */
export function autoTopupsQueryOptions() {
  return queryOptions({
    queryKey: ['auto-topups'] as const,
    queryFn: ({ signal }) => api.get<{ items: AutoTopupRule[] }>('/auto-topups', { signal }),
  });
}

/** PUT /api/v1/auto-topups/:label */
export function putAutoTopupMutationOptions() {
  return mutationOptions({
    mutationKey: ['auto-topups', 'put'],
    mutationFn: ({ label, body }: { label: string; body: PutAutoTopupBody }) =>
      api.put<AutoTopupRule>(`/auto-topups/${encodeURIComponent(label)}`, body),
  });
}

/** DELETE /api/v1/auto-topups/:label */
export function deleteAutoTopupMutationOptions() {
  return mutationOptions({
    mutationKey: ['auto-topups', 'delete'],
    mutationFn: (label: string) => api.delete(`/auto-topups/${encodeURIComponent(label)}`),
  });
}
