import type { Member } from '@idv/contracts';
import type { Auth, Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { iso } from '../../presenters.ts';
import { audit } from '../../repositories/audit.ts';
import { deleteMember, getMember, listMembers, lockMembers, setMemberRole } from '../../repositories/members.ts';

type Role = Member['role'];

function present(u: { id: string; email: string; name: string; roles: string[]; createdAt: Date }): Member {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: (u.roles[0] ?? 'viewer') as Role,
    createdAt: iso(u.createdAt),
  };
}

/** R9.1 the people of an account and their roles. */
export async function listMembersUseCase(deps: Deps, accountId: string) {
  return { items: (await listMembers(deps.db, accountId)).map(present), nextCursor: null };
}

/** R9.1: roles change, but an account always keeps at least one owner. */
export async function changeMemberRole(
  deps: Deps,
  auth: Auth,
  accountId: string,
  memberId: string,
  role: Role,
  requestId: string,
) {
  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const members = await lockMembers(tx, accountId);
    const target = members.find((m) => m.id === memberId);
    if (!target) throw notFound('user');
    const owners = members.filter((m) => m.roles.includes('owner'));
    if (target.roles.includes('owner') && role !== 'owner' && owners.length === 1) {
      throw new AppError('CONFLICT', 409, 'The account must keep at least one owner.');
    }
    await setMemberRole(tx, memberId, role);
    await audit(tx, {
      auth,
      accountId,
      action: 'member.role',
      outcome: 'ok',
      at,
      requestId,
      detail: { memberId, role },
    });
    const updated = await getMember(tx, accountId, memberId);
    if (!updated) throw notFound('user');
    return present(updated);
  });
}

export async function removeMember(deps: Deps, auth: Auth, accountId: string, memberId: string, requestId: string) {
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const members = await lockMembers(tx, accountId);
    const target = members.find((m) => m.id === memberId);
    if (!target) throw notFound('user');
    if (memberId === auth.user.id) throw new AppError('CONFLICT', 409, 'You cannot remove yourself.');
    if (target.roles.includes('owner') && members.filter((m) => m.roles.includes('owner')).length === 1) {
      throw new AppError('CONFLICT', 409, 'The account must keep at least one owner.');
    }
    await deleteMember(tx, memberId);
    await audit(tx, { auth, accountId, action: 'member.remove', outcome: 'ok', at, requestId, detail: { memberId } });
  });
}
