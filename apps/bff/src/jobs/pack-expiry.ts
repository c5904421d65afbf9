import { expirePacks } from '../use-cases/packs/expire-packs.ts';
import type { AccountJob } from './job.ts';

/** R7 pack expiring/expired notices and the expired status: schedules the expire-packs use case. */
export const packExpiryJob: AccountJob = {
  name: 'pack-expiry',
  run: (deps, accountId, now) => expirePacks(deps, accountId, now),
};
