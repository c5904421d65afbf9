import { formatCst } from '@idv/billing';
import type { Deps } from '../deps.ts';
import { sendersFromConfig } from '../notifications/senders.ts';
import { metrics } from '../observability/metrics.ts';
import { lockDueOutbox, markOutbox } from '../repositories/notifications.ts';
import type { AccountJob, Happening } from './registry.ts';

/** Retry schedule for a failed send: 1 min, 5 min, 30 min, 2 h, 12 h, then give up (marked failed). */
export const BACKOFF_MS = [60_000, 300_000, 1_800_000, 7_200_000, 43_200_000];

/**
 * R7: delivers queued email/SMS copies of notifications. Rows are locked with SKIP LOCKED, so two
 * instances never send the same message; a failure is retried with backoff, never lost.
 */
export const deliverOutboxJob: AccountJob = {
  name: 'deliver-outbox',
  async run(deps: Deps, accountId: string, now: Date): Promise<Happening[]> {
    const senders = deps.senders ?? sendersFromConfig(deps.config);
    const happened: Happening[] = [];
    for (;;) {
      const sent = await deps.db.transaction(async (tx) => {
        const due = await lockDueOutbox(tx, accountId, now, 20);
        for (const m of due) {
          const attempts = m.attempts + 1;
          try {
            const { provider } = await senders[m.channel].send({ to: m.recipient, subject: m.subject, body: m.body });
            metrics.outboxSends.inc({ channel: m.channel, result: 'sent' });
            await markOutbox(tx, BigInt(m.id), {
              status: 'sent',
              attempts,
              nextAttemptAt: now,
              sentAt: now,
              error: null,
              provider,
            });
            happened.push({
              at: formatCst(now),
              kind: `${m.channel}_sent`,
              summary: `${m.channel} to ${m.recipient}: ${m.subject}`,
            });
          } catch (e) {
            metrics.outboxSends.inc({ channel: m.channel, result: 'failed' });
            const delay = BACKOFF_MS[attempts - 1];
            await markOutbox(tx, BigInt(m.id), {
              status: delay === undefined ? 'failed' : 'pending',
              attempts,
              nextAttemptAt: new Date(now.getTime() + (delay ?? 0)),
              sentAt: null,
              error: e instanceof Error ? e.message.slice(0, 500) : 'send failed',
              provider: null,
            });
          }
        }
        return due.length;
      });
      if (sent < 20) break;
    }
    return happened;
  },
};
