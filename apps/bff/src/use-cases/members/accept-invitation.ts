import type { InvitationPreview } from '@idv/contracts';
import type { Auth, Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { newId, sha256 } from '../../lib/crypto.ts';
import { iso } from '../../presenters.ts';
import { audit } from '../../repositories/audit.ts';
import { findByTokenHash, insertInvitedUser, markAccepted, userByEmail } from '../../repositories/invitations.ts';
import { hashPassword, startSession } from '../auth/sign-in.ts';

type Found = NonNullable<Awaited<ReturnType<typeof findByTokenHash>>>;

const invalidLink = () => notFound('invitation');
const used = () => new AppError('INVITATION_USED', 409, 'This invitation has already been used.');
const expired = () => new AppError('INVITATION_EXPIRED', 410, 'This invitation has expired. Ask for a new one.');
const revoked = () => new AppError('INVITATION_REVOKED', 410, 'This invitation was withdrawn or replaced.');
const emailInUse = () =>
  new AppError(
    'EMAIL_IN_USE',
    409,
    'This email already signs in to the console. Sign in with it, or ask for an invitation to another email.',
  );

/** Why a found invitation cannot be used now, or null. */
function refusal(f: Found, now: Date): AppError | null {
  if (f.inv.status === 'accepted') return used();
  if (f.inv.status === 'revoked') return revoked();
  if (f.inv.expiresAt.getTime() <= now.getTime()) return expired();
  return null;
}

/** Audits a refused use of a link in the inviting account (expired, used, revoked), then throws. */
async function refuse(deps: Deps, f: Found, err: AppError, requestId: string): Promise<never> {
  const action = err.code === 'INVITATION_EXPIRED' ? 'member.invitation.expired' : `member.invitation.accept`;
  await audit(deps.db, {
    auth: null,
    accountId: f.inv.accountId,
    action,
    outcome: 'refused',
    at: deps.clock.now(),
    requestId,
    detail: { invitationId: f.inv.id, code: err.code },
  });
  throw err;
}

/** What the link's page shows before the invitee sets a password (public: the token is the key). */
export async function previewInvitation(deps: Deps, token: string): Promise<InvitationPreview> {
  const f = await findByTokenHash(deps.db, sha256(token), false);
  if (!f) throw invalidLink();
  const err = refusal(f, deps.clock.now());
  if (err) throw err;
  return { email: f.inv.email, role: f.inv.role, accountName: f.accountName, expiresAt: iso(f.inv.expiresAt) };
}

/**
 * R9.1: the invitee sets a name and password and is signed in with the invited role. Single-use: the
 * invitation row is locked and moved from pending to accepted in the transaction that creates the
 * user, so of two concurrent uses exactly one succeeds (the other sees INVITATION_USED).
 *
 * An email that already has a user (another account's, or staff) is refused with EMAIL_IN_USE, told
 * only to the link's holder (the mailbox owner). That refusal is audited without an account (staff see
 * it; the inviting owner does not), so the inviter learns nothing about other accounts' users.
 */
export async function acceptInvitation(
  deps: Deps,
  input: { token: string; name: string; password: string; previousSessionId: string | null },
  requestId: string,
) {
  const tokenHash = sha256(input.token);
  // Cheap checks first, so a bad link never costs a password hash.
  const first = await findByTokenHash(deps.db, tokenHash, false);
  if (!first) throw invalidLink();
  const early = refusal(first, deps.clock.now());
  if (early) await refuse(deps, first, early, requestId);
  const passwordHash = await hashPassword(input.password);

  const outcome = await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const f = await findByTokenHash(tx, tokenHash, true);
    if (!f) return { err: invalidLink(), f: null } as const;
    const err = refusal(f, now);
    if (err) return { err, f } as const;
    if (await userByEmail(tx, f.inv.email)) return { err: emailInUse(), f } as const;
    const user = await insertInvitedUser(tx, {
      id: newId('usr'),
      accountId: f.inv.accountId,
      email: f.inv.email,
      name: input.name,
      role: f.inv.role,
      passwordHash,
      at: now,
    });
    // A concurrent sign-up of the same email (unique index) or a concurrent acceptance.
    if (!user) return { err: emailInUse(), f } as const;
    if (!(await markAccepted(tx, f.inv.id, user.id, now))) throw used();
    const actor: Auth = {
      sessionId: '',
      user: { ...user, accountId: user.accountId },
      accountId: user.accountId,
      impersonation: null,
    };
    await audit(tx, {
      auth: actor,
      accountId: f.inv.accountId,
      action: 'member.invitation.accepted',
      outcome: 'ok',
      at: now,
      requestId,
      detail: { invitationId: f.inv.id, role: f.inv.role, memberId: user.id },
    });
    return { user } as const;
  });

  if ('err' in outcome) {
    if (!outcome.f) throw outcome.err;
    if (outcome.err.code === 'EMAIL_IN_USE') {
      await audit(deps.db, {
        auth: null,
        accountId: null,
        action: 'member.invitation.accept',
        outcome: 'refused',
        at: deps.clock.now(),
        requestId,
        detail: { invitationId: outcome.f.inv.id, accountId: outcome.f.inv.accountId, code: 'EMAIL_IN_USE' },
      });
      throw outcome.err;
    }
    return refuse(deps, outcome.f, outcome.err, requestId);
  }
  return startSession(deps, outcome.user, input.previousSessionId);
}
