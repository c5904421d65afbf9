import type { Auth, Deps } from '../../deps.ts';
import { forbidden } from '../../errors.ts';
import { audit } from '../../repositories/audit.ts';
import { endImpersonation } from '../../repositories/staff.ts';

/** R9.2: the agent stops; the stop is audited. Idempotent when nothing is running. */
export async function stopImpersonationUseCase(deps: Deps, auth: Auth, requestId: string): Promise<void> {
  if (auth.user.kind !== 'staff') throw forbidden();
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const ended = await endImpersonation(tx, auth.sessionId, now);
    if (ended && auth.accountId) {
      await audit(tx, {
        auth,
        accountId: auth.accountId,
        action: 'impersonation.stop',
        outcome: 'ok',
        at: now,
        requestId,
      });
    }
  });
}
