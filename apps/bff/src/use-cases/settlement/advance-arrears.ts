import { type ArrearsAction, formatAmount, formatCst, stepArrears } from '@idv/billing';
import type { DbOrTx } from '@idv/db';
import type { Deps } from '../../deps.ts';
import type { Happening } from '../../jobs/job.ts';
import { getAccountRow, saveArrearsState } from '../../repositories/accounts.ts';
import { balancesOf, lockAccount } from '../../repositories/ledger.ts';
import { notify } from '../../repositories/notifications.ts';
import { notifyServiceResumed } from './service-resumed.ts';

/**
 * R6.2–R6.4 Moves an account along the arrears lifecycle to `now`: the decision is billing's pure
 * `stepArrears` (state + balance + clock → next state + actions); this use case reads the locked
 * account, stores the next state and sends each action's notice, in one transaction. (R6.1 arrears
 * itself is set by the settlement that caused it, enter-arrears.ts; R6.3 resume on a recharge is the
 * recharge's.)
 */
export async function advanceArrears(deps: Deps, accountId: string, now: Date): Promise<Happening[]> {
  const peek = await getAccountRow(deps.db, accountId);
  if (!peek || (peek.status !== 'arrears' && peek.status !== 'suspended')) return [];
  return deps.db.transaction(async (tx) => {
    const a = await lockAccount(tx, accountId);
    if (!a) return [];
    const b = balancesOf(a);
    const { next, actions } = stepArrears(
      { status: a.status, arrearsSince: a.arrearsSince, suspendedAt: a.suspendedAt },
      { available: b.cash + b.income + b.gift, releaseAfterDays: deps.config.releaseAfterDays },
      now,
    );
    if (actions.length === 0) return [];
    await saveArrearsState(tx, accountId, next);
    const happened: Happening[] = [];
    for (const action of actions) happened.push(await apply(tx, accountId, action));
    return happened;
  });
}

async function apply(tx: DbOrTx, accountId: string, action: ArrearsAction): Promise<Happening> {
  switch (action.kind) {
    case 'resumed':
      // R6.3 the same service-resumed notice as a recharge would send (once per episode).
      await notifyServiceResumed(tx, {
        accountId,
        episode: action.episode,
        available: action.available,
        at: action.at,
      });
      return {
        at: formatCst(action.at),
        kind: 'resumed',
        summary: 'Balance back to 0 or more: service resumed (R6.3)',
      };
    case 'suspended': {
      const debt = formatAmount(action.debt);
      // R6.2 say how to resume (recharge the debt) and when the configuration is released (R6.4).
      await notify(tx, {
        accountId,
        kind: 'suspended',
        cause: `suspended:${action.episode.toISOString()}`,
        vars: { debt, releasesAt: formatCst(action.releasesAt), days: action.releaseAfterDays },
        at: action.at,
      });
      return {
        at: formatCst(action.at),
        kind: 'suspended',
        summary: `Still in arrears after 24 h: service suspended (R6.2), debt ¥${debt}`,
      };
    }
    case 'released':
      await notify(tx, {
        accountId,
        kind: 'released',
        cause: `released:${action.suspendedAt.toISOString()}`,
        vars: { days: action.releaseAfterDays },
        at: action.at,
      });
      return {
        at: formatCst(action.at),
        kind: 'released',
        summary: `Suspended for ${action.releaseAfterDays} days: postpaid configuration released (R6.4)`,
      };
  }
}
