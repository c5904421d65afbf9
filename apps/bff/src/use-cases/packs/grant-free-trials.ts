import { type BillingLabel, eidTrialLabels, formatCst, freeTrialLabels, giftPackExpiry } from '@idv/billing';
import type { Deps } from '../../deps.ts';
import type { Happening } from '../../jobs/job.ts';
import { getAccountRow } from '../../repositories/accounts.ts';
import { audit } from '../../repositories/audit.ts';
import { catalogMap } from '../../repositories/catalog.ts';
import { lockAccount } from '../../repositories/ledger.ts';
import { claimJobRun, hasTrialPack, jobRan } from '../../repositories/trial-grants.ts';
import { deliverPacks } from './deliver-packs.ts';

export const FREE_TRIAL_JOB = 'free-trial';

/**
 * R3.4 Free trial, as gift packs of `trialCalls` calls:
 * - 'activation' grant, due at activatedAt + config.trialGrantDelayMs: every label whose catalog
 *   free_trial_calls is 100 (freeTrialLabels: photo.v2 only for accounts activated on/after 2024-05-15);
 * - 'eid' grant, due at eidApprovedAt + the same delay: eid.authority (eidTrialLabels), once the
 *   account's first eID merchant ID is approved.
 * Each grant happens once per account: a job_runs row (job 'free-trial', scope '<account>:<grant>')
 * is claimed in the same transaction as the packs. An account that already holds a 'trial' pack of
 * that grant's labels (e.g. the seeded demo account, granted before this job existed) is treated as
 * granted: only the run is recorded (docs/decisions/0003). Packs are dated at the due time, so a
 * late or catching-up run produces the same history as an on-time one (gift expiry: due + 1 year).
 */
export async function grantFreeTrials(deps: Deps, accountId: string, now: Date): Promise<Happening[]> {
  const account = await getAccountRow(deps.db, accountId);
  if (!account) return [];
  const all = [...(await catalogMap(deps.db)).values()];
  const delay = deps.config.trialGrantDelayMs;
  const grants: { grant: 'activation' | 'eid'; due: Date; labels: BillingLabel[] }[] = [
    {
      grant: 'activation',
      due: new Date(account.activatedAt.getTime() + delay),
      labels: freeTrialLabels(all, account.activatedAt),
    },
  ];
  if (account.eidApprovedAt) {
    grants.push({
      grant: 'eid',
      due: new Date(account.eidApprovedAt.getTime() + delay),
      labels: eidTrialLabels(all),
    });
  }
  const happened: Happening[] = [];
  for (const g of grants) {
    if (g.due.getTime() > now.getTime() || g.labels.length === 0) continue;
    const scope = `${accountId}:${g.grant}`;
    // Most runs find the grant done: answer from a read, without a write transaction.
    if (await jobRan(deps.db, FREE_TRIAL_JOB, scope)) continue;
    const h = await deps.db.transaction(async (tx) => {
      const locked = await lockAccount(tx, accountId);
      if (!locked) return null;
      if (!(await claimJobRun(tx, FREE_TRIAL_JOB, scope, now))) return null;
      const codes = g.labels.map((l) => l.code);
      if (await hasTrialPack(tx, accountId, codes)) return null;
      const expiresAt = giftPackExpiry(g.due);
      const delivered = await deliverPacks(
        tx,
        locked,
        g.labels.map((l) => ({
          label: l.code,
          source: 'gift' as const,
          total: l.trialCalls,
          acquiredAt: g.due,
          expiresAt,
          grantReason: 'trial',
        })),
        now,
      );
      await audit(tx, {
        auth: null,
        accountId,
        action: `trial.granted.${g.grant}`,
        outcome: 'ok',
        at: g.due,
        detail: { labels: codes, packs: delivered.ids.map(String), coveredCalls: delivered.covered },
      });
      return {
        at: formatCst(g.due),
        kind: 'trial_granted',
        summary: `Free trial (${g.grant}): ${codes.length} gift pack(s) of ${g.labels[0]?.trialCalls ?? 0} calls`,
        detail: { grant: g.grant, labels: codes },
      } satisfies Happening;
    });
    if (h) happened.push(h);
  }
  return happened;
}
