import { formatCst } from '@idv/billing';
import type { Invitation } from '@idv/contracts';
import type { DbOrTx } from '@idv/db';
import type { Auth, Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { newId, randomToken, sha256 } from '../../lib/crypto.ts';
import { iso } from '../../presenters.ts';
import { getAccountRow } from '../../repositories/accounts.ts';
import { audit } from '../../repositories/audit.ts';
import {
  type InvitationRow,
  insertInvitation,
  listPendingInvitations,
  queueInvitationEmail,
  revokePending,
} from '../../repositories/invitations.ts';
import { lockMembers } from '../../repositories/members.ts';

type Role = Invitation['role'];

const ROLE_NAMES: Record<Role, { zh: string; en: string }> = {
  owner: { zh: '所有者', en: 'owner' },
  finance: { zh: '财务', en: 'finance' },
  viewer: { zh: '只读成员', en: 'viewer' },
};

export function presentInvitation(inv: InvitationRow, now: Date): Invitation {
  return {
    id: inv.id,
    email: inv.email,
    role: inv.role,
    status: inv.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending',
    createdAt: iso(inv.createdAt),
    expiresAt: iso(inv.expiresAt),
  };
}

/** R9.1: the owner's view of invitations not yet accepted or revoked (expired ones say so). */
export async function listInvitationsUseCase(deps: Deps, accountId: string) {
  const now = deps.clock.now();
  return {
    items: (await listPendingInvitations(deps.db, accountId)).map((i) => presentInvitation(i, now)),
    nextCursor: null,
  };
}

/**
 * R9.1: the owner invites an email with a role. The answer never depends on whether the email
 * belongs to a user of another account (or to staff): the invitation is created and emailed the
 * same way; accepting it is refused then, and only the mailbox's owner learns why (decision 0013).
 * An email already in this account is 409 ALREADY_MEMBER: the owner sees those members anyway.
 * Re-inviting an email revokes its pending link and sends a new one.
 */
export async function inviteMember(
  deps: Deps,
  auth: Auth,
  accountId: string,
  input: { email: string; role: Role },
  requestId: string,
): Promise<Invitation> {
  const at = deps.clock.now();
  const email = input.email.trim().toLowerCase();
  const token = randomToken();
  const expiresAt = new Date(at.getTime() + deps.config.invitationTtlMs);
  return deps.db.transaction(async (tx) => {
    // The account's members, locked: invitations of one account are created one at a time, so the
    // "one pending invitation per email" index never sees two at once.
    const members = await lockMembers(tx, accountId);
    if (members.some((m) => m.email.toLowerCase() === email)) {
      throw new AppError('ALREADY_MEMBER', 409, 'This person is already a member of the account.');
    }
    for (const id of await revokePending(tx, accountId, at, { email })) {
      await auditRevoked(tx, { auth, accountId, at, requestId }, { invitationId: id, replaced: true });
    }
    const inv = await insertInvitation(tx, {
      id: newId('inv'),
      accountId,
      email,
      role: input.role,
      tokenHash: sha256(token),
      invitedBy: auth.impersonation ? null : auth.user.id,
      status: 'pending',
      createdAt: at,
      expiresAt,
    });
    const account = await getAccountRow(tx, accountId);
    const accountName = account?.name ?? accountId;
    const link = `${deps.config.publicUrl}/accept-invite#token=${token}`;
    const until = formatCst(expiresAt).replace('T', ' ').slice(0, 16);
    const role = ROLE_NAMES[input.role];
    const titleZh = `邀请您加入「${accountName}」的计费控制台`;
    const titleEn = `You are invited to the billing console of "${accountName}"`;
    await queueInvitationEmail(tx, {
      accountId,
      invitationId: inv.id,
      to: email,
      subject: `${titleZh} / ${titleEn}`,
      body: [
        `${auth.user.name} 邀请您以「${role.zh}」身份加入「${accountName}」的计费控制台。`,
        `请在 ${until}（北京时间）前打开以下链接，设置您的姓名和密码。链接只能使用一次。`,
        link,
        '',
        `${auth.user.name} invited you to the billing console of "${accountName}" as ${role.en}.`,
        `Open this link before ${until} (CST) to set your name and password. It works once.`,
        link,
        '',
        '如果您没有预期收到此邮件，请忽略它。 / If you did not expect this email, ignore it.',
      ].join('\n'),
      titleZh: `已向 ${email} 发送邀请`,
      titleEn: `Invitation sent to ${email}`,
      at,
    });
    await audit(tx, {
      auth,
      accountId,
      action: 'member.invitation.sent',
      outcome: 'ok',
      at,
      requestId,
      detail: { invitationId: inv.id, role: input.role },
    });
    return presentInvitation(inv, at);
  });
}

/** R9.2 The audit row of a revoked invitation (`replaced`: a new invitation to the same email took its place). */
function auditRevoked(
  tx: DbOrTx,
  who: { auth: Auth; accountId: string; at: Date; requestId: string | undefined },
  detail: { invitationId: string; replaced?: true },
) {
  return audit(tx, { ...who, action: 'member.invitation.revoked', outcome: 'ok', detail });
}

/** R9.1: the owner revokes a pending (or expired) invitation; its link stops working. */
export async function revokeInvitation(deps: Deps, auth: Auth, accountId: string, id: string, requestId: string) {
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const revoked = await revokePending(tx, accountId, at, { id });
    if (revoked.length === 0) throw notFound('invitation');
    await auditRevoked(tx, { auth, accountId, at, requestId }, { invitationId: id });
  });
}
