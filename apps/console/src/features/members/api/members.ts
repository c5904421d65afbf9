import type { Invitation } from '@idv/contracts';
import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** GET /api/v1/account/users (R9.1): the account's members and roles. */
export function membersQueryOptions() {
  return queryOptions({
    queryKey: ['members'] as const,
    queryFn: ({ signal }) => api.get('/account/users', { signal }),
  });
}

/** GET /api/v1/members/invitations (owner): pending and expired invitations. */
export function invitationsQueryOptions() {
  return queryOptions({
    queryKey: ['members', 'invitations'] as const,
    queryFn: ({ signal }) => api.get('/members/invitations', { signal }),
  });
}

/** POST /api/v1/members/invitations { email, role }: emails a one-time link (re-inviting replaces it). */
export function inviteMutationOptions() {
  return mutationOptions({
    mutationKey: ['members', 'invite'],
    mutationFn: (body: { email: string; role: Invitation['role'] }) => api.post('/members/invitations', body),
  });
}

/** DELETE /api/v1/members/invitations/:id */
export function revokeInvitationMutationOptions() {
  return mutationOptions({
    mutationKey: ['members', 'revoke-invitation'],
    mutationFn: (id: string) => api.delete('/members/invitations/:id', { params: { id } }),
  });
}
