import { sendDailyReports } from '../use-cases/notifications/send-daily-reports.ts';
import type { AccountJob } from './job.ts';

/** R3.6/R7 daily usage reports: schedules the send-daily-reports use case. */
export const dailyReportJob: AccountJob = {
  name: 'daily-report',
  run: (deps, accountId, now) => sendDailyReports(deps, accountId, now),
};
