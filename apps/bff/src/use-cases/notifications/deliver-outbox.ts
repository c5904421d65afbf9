import { formatCst } from '@idv/billing';
import type { Deps } from '../../deps.ts';
import type { Happening } from '../../jobs/job.ts';
import { newId } from '../../lib/crypto.ts';
import { sendersFromConfig } from '../../notifications/senders.ts';
import { metrics } from '../../observability/metrics.ts';
import { claimDueOutbox, recordOutboxResult } from '../../repositories/notifications.ts';

/** Retry schedule for a failed send: 1 min, 5 min, 30 min, 2 h, 12 h, then give up (marked failed). */
export const BACKOFF_MS = [60_000, 300_000, 1_800_000, 7_200_000, 43_200_000];

/**
 * How long a claim holds a message while its worker sends it. Longer than any send can take (the SMTP
 * transport's timeouts are below one minute each, senders.ts); a claim older than this belongs to a
 * worker that died, and the message is claimed and sent again.
 */
export const OUTBOX_CLAIM_LEASE_MS = 5 * 60_000;

const BATCH = 20;

/**
 * R7 Delivers an account's due email/SMS copies of notifications, at least once:
 * 1. claim a batch (one short statement that commits at once: claim token, claimed_at, SKIP LOCKED, so
 *    concurrent workers take disjoint rows and nobody holds a row lock while talking to a mail server);
 * 2. send each message outside any transaction;
 * 3. record each result in its own short statement, guarded by the claim token.
 * A crash between 2 and 3 leaves the row claimed; once the lease runs out another run claims it and
 * sends it again. So a message is never lost, and may (only in that case) arrive twice — at-least-once,
 * the usual outbox contract (docs/architecture.md). A failed send is retried with backoff (BACKOFF_MS).
 * `now` is the account's time (due and retry times); the lease runs on the process clock.
 */
export async function deliverOutbox(deps: Deps, accountId: string, now: Date): Promise<Happening[]> {
  const senders = deps.senders ?? sendersFromConfig(deps.config);
  const happened: Happening[] = [];
  for (;;) {
    const token = newId('claim');
    const claimedAt = deps.clock.now();
    const claimed = await claimDueOutbox(deps.db, {
      accountId,
      now,
      token,
      claimedAt,
      staleBefore: new Date(claimedAt.getTime() - OUTBOX_CLAIM_LEASE_MS),
      limit: BATCH,
    });
    for (const m of claimed) {
      let result: Parameters<typeof recordOutboxResult>[3];
      try {
        const { provider } = await senders[m.channel].send({ to: m.recipient, subject: m.subject, body: m.body });
        metrics.outboxSends.inc({ channel: m.channel, result: 'sent' });
        result = { status: 'sent', nextAttemptAt: now, sentAt: now, error: null, provider };
        happened.push({
          at: formatCst(now),
          kind: `${m.channel}_sent`,
          summary: `${m.channel} to ${m.recipient}: ${m.subject}`,
        });
      } catch (e) {
        metrics.outboxSends.inc({ channel: m.channel, result: 'failed' });
        const delay = BACKOFF_MS[m.attempts - 1];
        result = {
          status: delay === undefined ? 'failed' : 'pending',
          nextAttemptAt: new Date(now.getTime() + (delay ?? 0)),
          sentAt: null,
          error: e instanceof Error ? e.message.slice(0, 500) : 'send failed',
          provider: null,
        };
      }
      await recordOutboxResult(deps.db, BigInt(m.id), token, result);
    }
    if (claimed.length < BATCH) break;
  }
  return happened;
}
