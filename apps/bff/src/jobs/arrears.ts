import { advanceArrears } from '../use-cases/settlement/advance-arrears.ts';
import type { AccountJob } from './job.ts';

/**
 * R6.2–R6.4 as a job: it only schedules. The state machine is billing's `stepArrears`, applied by the
 * advance-arrears use case; effects are dated at their due time, so a clock that jumps produces the
 * same history as one that ticks.
 */
export const arrearsLifecycleJob: AccountJob = {
  name: 'arrears-lifecycle',
  run: (deps, accountId, now) => advanceArrears(deps, accountId, now),
};
