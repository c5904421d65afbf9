import type { Invitation, Member } from '@idv/contracts';
import { api } from '../../../lib/api-client.ts';
import { getQueryOptions, mutationOptionsOf } from '../../../lib/api-client-queries.ts';

/** GET /api/v1/account/users (R9.1): the account's members and roles. */
export const membersQueryOptions = () => getQueryOptions(['members'], '/account/users');

/** GET /api/v1/members/invitations (owner): pending and expired invitations. */
export const invitationsQueryOptions = () => getQueryOptions(['members', 'invitations'], '/members/invitations');

/** POST /api/v1/members/invitations { email, role }: emails a one-time link (re-inviting replaces it). */
export const inviteMutationOptions = mutationOptionsOf(
  ['members', 'invite'],
  (body: { email: string; role: Invitation['role'] }) => api.post('/members/invitations', body),
);

/** DELETE /api/v1/members/invitations/:id */
export const revokeInvitationMutationOptions = mutationOptionsOf(['members', 'revoke-invitation'], (id: string) =>
  api.delete('/members/invitations/:id', { params: { id } }),
);

/** PATCH /api/v1/account/users/:id { role } (owner; the account always keeps an owner: 409 otherwise). */
export const changeRoleMutationOptions = mutationOptionsOf(
  ['members', 'change-role'],
  (v: { id: string; role: Member['role'] }) =>
    api.patch('/account/users/:id', { role: v.role }, { params: { id: v.id } }),
);

/** DELETE /api/v1/account/users/:id (owner; not oneself, not the last owner). */
export const removeMemberMutationOptions = mutationOptionsOf(['members', 'remove'], (id: string) =>
  api.delete('/account/users/:id', { params: { id } }),
);
