import { formatAmount, formatCst, releaseAfter, SUSPEND_AFTER_MS } from '@idv/billing';
import { accounts } from '@idv/db';
import { eq } from 'drizzle-orm';
import type { Deps } from '../deps.ts';
import { getAccountRow } from '../repositories/accounts.ts';
import { balancesOf, lockAccount } from '../repositories/ledger.ts';
import { notify } from '../repositories/notifications.ts';
import { notifyServiceResumed } from '../use-cases/service-resumed.ts';
import type { AccountJob, Happening } from './job.ts';

/**
 * R6.2–R6.4 as a job: 24 hours after arrears began, an account still in arrears is suspended; after the
 * release period suspended, its postpaid configuration is released. Effects are dated at their due
 * time, so a clock that jumps produces the same history as one that ticks. (R6.1 arrears itself is
 * set by the settlement that caused it; R6.3 resume happens at once in the recharge.)
 */
export const arrearsLifecycleJob: AccountJob = {
  name: 'arrears-lifecycle',
  async run(deps: Deps, accountId: string, now: Date): Promise<Happening[]> {
    const peek = await getAccountRow(deps.db, accountId);
    if (!peek || (peek.status !== 'arrears' && peek.status !== 'suspended')) return [];
    return deps.db.transaction(async (tx) => {
      const happened: Happening[] = [];
      const a = await lockAccount(tx, accountId);
      if (!a) return happened;
      const b = balancesOf(a);
      const available = b.cash + b.income + b.gift;
      const debt = available < 0n ? formatAmount(-available) : '0.00';
      let status = a.status;
      let suspendedAt = a.suspendedAt;
      if (status === 'arrears' && available >= 0n) {
        // Safety net: money arrived by some path other than a recharge (e.g. a refund).
        await tx
          .update(accounts)
          .set({ status: 'active', arrearsSince: null, suspendedAt: null })
          .where(eq(accounts.id, accountId));
        // R6.3 the same service-resumed notice as a recharge would send (once per episode).
        await notifyServiceResumed(tx, { accountId, episode: a.arrearsSince, available, at: now });
        happened.push({
          at: formatCst(now),
          kind: 'resumed',
          summary: 'Balance back to 0 or more: service resumed (R6.3)',
        });
        return happened;
      }
      if (status === 'arrears' && a.arrearsSince && a.arrearsSince.getTime() + SUSPEND_AFTER_MS <= now.getTime()) {
        const due = new Date(a.arrearsSince.getTime() + SUSPEND_AFTER_MS);
        status = 'suspended';
        suspendedAt = due;
        await tx.update(accounts).set({ status, suspendedAt }).where(eq(accounts.id, accountId));
        // R6.2 say how to resume (recharge the debt) and when the configuration is released (R6.4).
        await notify(tx, {
          accountId,
          kind: 'suspended',
          cause: `suspended:${a.arrearsSince.toISOString()}`,
          vars: {
            debt,
            releasesAt: formatCst(releaseAfter(due, deps.config.releaseAfterDays)),
            days: deps.config.releaseAfterDays,
          },
          at: due,
        });
        happened.push({
          at: formatCst(due),
          kind: 'suspended',
          summary: `Still in arrears after 24 h: service suspended (R6.2), debt ¥${debt}`,
        });
      }
      if (
        status === 'suspended' &&
        suspendedAt &&
        releaseAfter(suspendedAt, deps.config.releaseAfterDays).getTime() <= now.getTime()
      ) {
        const due = releaseAfter(suspendedAt, deps.config.releaseAfterDays);
        await tx.update(accounts).set({ status: 'released' }).where(eq(accounts.id, accountId));
        await notify(tx, {
          accountId,
          kind: 'released',
          cause: `released:${suspendedAt.toISOString()}`,
          vars: { days: deps.config.releaseAfterDays },
          at: due,
        });
        happened.push({
          at: formatCst(due),
          kind: 'released',
          summary: `Suspended for ${deps.config.releaseAfterDays} days: postpaid configuration released (R6.4)`,
        });
      }
      return happened;
    });
  },
};
