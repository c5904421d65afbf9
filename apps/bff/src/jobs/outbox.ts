import type { Deps } from '../deps.ts';
import { deliverOutbox } from '../use-cases/notifications/deliver-outbox.ts';
import type { AccountJob } from './job.ts';

export { BACKOFF_MS, OUTBOX_CLAIM_LEASE_MS } from '../use-cases/notifications/deliver-outbox.ts';

/** R7: delivers queued email/SMS copies of notifications (claim, send outside a transaction, record). */
export const deliverOutboxJob: AccountJob = {
  name: 'deliver-outbox',
  run: (deps: Deps, accountId: string, now: Date) => deliverOutbox(deps, accountId, now),
};
