import { requireAccount } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { setSessionCookie } from '../http/session.ts';
import { acceptInvitation, previewInvitation } from '../use-cases/members/accept-invitation.ts';
import { inviteMember, listInvitationsUseCase, revokeInvitation } from '../use-cases/members/manage-invitations.ts';

/** R9.1 invitations by email: the owner's side under /members, the invitee's (public, by token) under /invitations. */
export const invitationRoutes = declaredRoutes()
  .get('/members/invitations', async (c) => {
    const { accountId } = requireAccount(c, 'manage_users');
    return c.json(await listInvitationsUseCase(c.get('deps'), accountId));
  })
  .post('/members/invitations', async (c, input) => {
    const { auth, accountId } = requireAccount(c, 'manage_users');
    const body = await input.body();
    return c.json(await inviteMember(c.get('deps'), auth, accountId, body, c.get('requestId')), 201);
  })
  .delete('/members/invitations/:id', async (c, input) => {
    const { auth, accountId } = requireAccount(c, 'manage_users');
    const { id } = input.params();
    await revokeInvitation(c.get('deps'), auth, accountId, id, c.get('requestId'));
    return c.body(null, 204);
  })
  .post('/invitations/preview', async (c, input) => {
    const { token } = await input.body();
    return c.json(await previewInvitation(c.get('deps'), token));
  })
  .post('/invitations/accept', async (c, input) => {
    const body = await input.body();
    const result = await acceptInvitation(
      c.get('deps'),
      { ...body, previousSessionId: c.get('auth')?.sessionId ?? null },
      c.get('requestId'),
    );
    setSessionCookie(c, result.token, result.maxAgeSeconds);
    return c.json({ user: result.user }, 200);
  });
