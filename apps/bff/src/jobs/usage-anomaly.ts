import { detectUsageAnomalies } from '../use-cases/usage/detect-usage-anomalies.ts';
import type { AccountJob } from './job.ts';

/** R10.3 usage anomaly notices for the days the settlement jobs just settled. */
export const usageAnomalyJob: AccountJob = {
  name: 'usage-anomaly',
  run: (deps, accountId) => detectUsageAnomalies(deps, accountId),
};
