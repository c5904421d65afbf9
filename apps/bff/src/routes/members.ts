import { ChangeMemberBody, MemberIdParam } from '@idv/contracts';
import { requireAccount } from '../http/context.ts';
import { declaredRoutes } from '../http/declared-routes.ts';
import { jsonBody, params } from '../http/validate.ts';
import { changeMemberRole, listMembersUseCase, removeMember } from '../use-cases/manage-members.ts';

export const memberRoutes = declaredRoutes()
  .get('/account/users', async (c) => {
    const { accountId } = requireAccount(c, 'read');
    return c.json(await listMembersUseCase(c.get('deps'), accountId));
  })
  .patch('/account/users/:id', async (c) => {
    const { auth, accountId } = requireAccount(c, 'manage_users');
    const { id } = params(c, MemberIdParam);
    const body = await jsonBody(c, ChangeMemberBody);
    return c.json(await changeMemberRole(c.get('deps'), auth, accountId, id, body.role, c.get('requestId')));
  })
  .delete('/account/users/:id', async (c) => {
    const { auth, accountId } = requireAccount(c, 'manage_users');
    const { id } = params(c, MemberIdParam);
    await removeMember(c.get('deps'), auth, accountId, id, c.get('requestId'));
    return c.body(null, 204);
  });
