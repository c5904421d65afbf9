import { requireAccount } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { changeMemberRole, listMembersUseCase, removeMember } from '../use-cases/members/manage-members.ts';

export const memberRoutes = declaredRoutes()
  .get('/account/users', async (c) => {
    const { accountId } = requireAccount(c, 'read');
    return c.json(await listMembersUseCase(c.get('deps'), accountId));
  })
  .patch('/account/users/:id', async (c, input) => {
    const { auth, accountId } = requireAccount(c, 'manage_users');
    const { id } = input.params();
    const body = await input.body();
    return c.json(await changeMemberRole(c.get('deps'), auth, accountId, id, body.role, c.get('requestId')));
  })
  .delete('/account/users/:id', async (c, input) => {
    const { auth, accountId } = requireAccount(c, 'manage_users');
    const { id } = input.params();
    await removeMember(c.get('deps'), auth, accountId, id, c.get('requestId'));
    return c.body(null, 204);
  });
