import type { Deps } from '../deps.ts';
import { arrearsLifecycleJob } from './arrears.ts';
import { budgetAlertsJob } from './budget-alerts.ts';
import { dailyReportJob } from './daily-report.ts';
import { freeTrialJob } from './free-trial.ts';
import { deliverOutboxJob } from './outbox.ts';
import { packExpiryJob } from './pack-expiry.ts';
import { dailySettlementJob, monthlySettlementJob } from './settlement.ts';
import { usageAnomalyJob } from './usage-anomaly.ts';

/** Something a job did, reported to demo clocks and logs (R9.3 "what happened"). */
export interface Happening {
  at: string;
  kind: string;
  summary: string;
  detail?: Record<string, unknown>;
}

/**
 * A job asks "what is due for this account at `now`" and does it, recording what it did so that
 * running it again does nothing new (architecture.md). It must catch up on everything missed before
 * `now`, and date its effects at the time they were due (e.g. arrears + 24 h), not the time it ran,
 * so a demo clock stepping in large jumps produces the same history as real time.
 */
export interface AccountJob {
  name: string;
  run(deps: Deps, accountId: string, now: Date): Promise<Happening[]>;
}

/** Jobs run in this order at each step of the clock. Each area registers its job here. */
export const accountJobs: AccountJob[] = [
  // R3.4 free-trial gift packs first: they are dated at their due time and may cover that day's calls.
  freeTrialJob,
  // R5.1/R5.2 settlement first: later jobs (arrears, notices) see the day's bill.
  dailySettlementJob,
  monthlySettlementJob,
  // R10.1 budget alerts on the spending the settlements just added.
  budgetAlertsJob,
  // R10.3 usage anomaly notices for the days just settled.
  usageAnomalyJob,
  // R6.2–R6.4 arrears → suspension → release, after the settlement that may have caused arrears.
  arrearsLifecycleJob,
  // R7 pack expiring/expired notices and the expired status.
  packExpiryJob,
  // R3.6/R7 daily usage report after each daily settlement.
  dailyReportJob,
  // R7 email/SMS delivery of everything the jobs above (and requests) notified, last.
  deliverOutboxJob,
];
