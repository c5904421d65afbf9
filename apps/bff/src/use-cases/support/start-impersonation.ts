import type { Auth, Deps } from '../../deps.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { newId } from '../../lib/crypto.ts';
import { iso } from '../../presenters.ts';
import { getAccountRow } from '../../repositories/accounts.ts';
import { audit } from '../../repositories/audit.ts';
import { startImpersonation } from '../../repositories/staff.ts';

export const IMPERSONATION_MS = 60 * 60_000;

/**
 * R9.2: a support agent acts on a customer account for at most 60 minutes, read-only unless the agent
 * holds the write permission and asks for it; the start is audited with the reason.
 */
export async function startImpersonationUseCase(
  deps: Deps,
  auth: Auth,
  input: { accountId: string; reason: string; ticket?: string | undefined; write?: boolean | undefined },
  requestId: string,
) {
  if (auth.user.kind !== 'staff' || !auth.user.roles.includes('support')) throw forbidden();
  const write = input.write ?? false;
  if (write && !auth.user.roles.includes('support_write')) {
    throw forbidden('You do not hold the write permission: start a read-only impersonation.');
  }
  // Only customer accounts can be impersonated; staff have no account, so staff-on-staff is impossible.
  const account = await getAccountRow(deps.db, input.accountId);
  if (!account) throw notFound('account');
  if (auth.impersonation) {
    throw new AppError('CONFLICT', 409, 'Stop the current impersonation before starting another.');
  }
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + IMPERSONATION_MS);
  const id = newId('imp');
  await deps.db.transaction(async (tx) => {
    await startImpersonation(tx, {
      id,
      agentId: auth.user.id,
      accountId: account.id,
      sessionId: auth.sessionId,
      reason: input.reason,
      ticket: input.ticket ?? null,
      write,
      at: now,
      expiresAt,
    });
    await audit(tx, {
      auth: { ...auth, impersonation: { id, agentId: auth.user.id, reason: input.reason, expiresAt, write } },
      accountId: account.id,
      action: 'impersonation.start',
      outcome: 'ok',
      at: now,
      requestId,
      reason: input.reason,
      detail: { write, ticket: input.ticket ?? null },
    });
  });
  return { id, accountId: account.id, expiresAt: iso(expiresAt), write };
}
