import { arrearsLifecycleJob } from './arrears.ts';
import { budgetAlertsJob } from './budget-alerts.ts';
import { dailyReportJob } from './daily-report.ts';
import { freeTrialJob } from './free-trial.ts';
import type { AccountJob } from './job.ts';
import { deliverOutboxJob } from './outbox.ts';
import { packExpiryJob } from './pack-expiry.ts';
import { dailySettlementJob, monthlySettlementJob } from './settlement.ts';
import { usageAnomalyJob } from './usage-anomaly.ts';

export type { AccountJob, Happening } from './job.ts';

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
