import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** POST /api/v1/invitations/preview { token }: the invitation behind a link (the token stays out of URLs). */
export function invitationPreviewQueryOptions(token: string) {
  return queryOptions({
    queryKey: ['invitation-preview', token] as const,
    queryFn: () => api.post('/invitations/preview', { token }),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
}

/** POST /api/v1/invitations/accept { token, name, password }: 200 { user } and a session cookie. */
export function acceptInvitationMutationOptions() {
  return mutationOptions({
    mutationKey: ['invitations', 'accept'],
    mutationFn: (body: { token: string; name: string; password: string }) => api.post('/invitations/accept', body),
  });
}
