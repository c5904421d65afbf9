import { FREE_TRIAL_JOB, grantFreeTrials } from '../use-cases/packs/grant-free-trials.ts';
import type { AccountJob } from './job.ts';

/** R3.4 free-trial gift packs: schedules the grant-free-trials use case. */
export const freeTrialJob: AccountJob = {
  name: FREE_TRIAL_JOB,
  run: (deps, accountId, now) => grantFreeTrials(deps, accountId, now),
};
