import { addDays, cstDate, deductBatchExplained, type UsageEvent } from '@idv/billing';
import type { EventOutcome, IngestResponse, UsageEventInput } from '@idv/contracts';
import { pipelined } from '@idv/db';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { accountNow } from '../../repositories/accounts.ts';
import { enabledRulesOf } from '../../repositories/auto-topups.ts';
import { catalogMap } from '../../repositories/catalog.ts';
import { knownResourceIds } from '../../repositories/resources.ts';
import {
  addPackUsage,
  candidatePacks,
  type EventRow,
  existingEventIds,
  insertEvents,
  lockAccountForIngest,
} from '../../repositories/usage.ts';
import { sendPackNotices } from '../packs/pack-notices.ts';
import { applyEnabledAutoTopups } from '../recharge/apply-auto-topups.ts';

/**
 * R4.1–R4.7 Records a batch of usage events and deducts them, in ONE transaction:
 *  1. advisory lock per account + account row FOR SHARE (lockAccountForIngest): batches of one
 *     account run one after another, refunds/settlement (FOR UPDATE on the account) wait for it;
 *  2. three reads: ids already stored, the batch's resources of this account, candidate packs;
 *  3. the decisions in memory with the pure deductBatch (via deductBatchExplained, which adds the
 *     rule that decided each one, R4.2);
 *  4. set-based writes, sent together: one INSERT of every non-duplicate event (rejected ones
 *     included, with code and rule), one guarded UPDATE of the packs' used counts (R4.7: the
 *     database refuses over-use);
 *  5. pack notices on threshold crossings (R7), once per cause, in the same transaction.
 * Duplicates (stored before, or repeated in the batch) are answered 'duplicate' and not stored.
 */
export async function ingestUsage(
  deps: Deps,
  accountId: string,
  input: readonly UsageEventInput[],
): Promise<IngestResponse> {
  const labels = await catalogMap(deps.db);
  const events: UsageEvent[] = input.map((e) => ({
    id: e.id,
    label: e.label,
    resourceId: e.resourceId,
    result: e.result,
    occurredAt: new Date(e.occurredAt),
  }));
  const ids = [...new Set(events.map((e) => e.id))];
  const resourceIds = [...new Set(events.map((e) => e.resourceId))];
  const batchLabels = [...new Set(events.map((e) => e.label))].filter((l) => labels.has(l));
  let minAt = Number.POSITIVE_INFINITY;
  let maxAt = Number.NEGATIVE_INFINITY;
  for (const e of events) {
    const t = e.occurredAt.getTime();
    if (t < minAt) minAt = t;
    if (t > maxAt) maxAt = t;
  }

  const response = await deps.db.transaction(async (tx) => {
    const account = await lockAccountForIngest(tx, accountId);
    if (!account) throw notFound('account');
    const now = accountNow(deps.clock, account);
    const [seen, knownResources, packs, ruled] = await Promise.all([
      existingEventIds(tx, accountId, ids),
      knownResourceIds(tx, accountId, resourceIds),
      // R4.2 "only active packs": a pack past its expiry when the batch is processed is expired, whether
      // or not the expiry job has marked it yet (coverage never depends on that job's timing).
      candidatePacks(tx, accountId, batchLabels, new Date(Math.max(minAt, now.getTime())), new Date(maxAt)),
      // R10.2 which of the batch's labels have an enabled auto top-up rule (acted on after the commit).
      enabledRulesOf(tx, accountId, batchLabels),
    ]);
    const usedBefore = new Map(packs.map((p) => [p.id, p.used]));
    const explained = deductBatchExplained(
      packs,
      { status: account.status, postpaidEnabled: account.postpaidEnabled },
      events,
      {
        now,
        skewMs: deps.config.clockSkewMs,
        // R4.6/R5.1: settlement starts at the activation day, so a day before it is never billed. An
        // account not settled yet treats those days as closed (DAY_SETTLED) instead of recording
        // postpaid calls that no settlement would ever charge (found by `pnpm sim`, decision 0011).
        settledThrough: account.settledThrough ?? addDays(cstDate(account.activatedAt), -1),
        knownLabels: new Set(labels.keys()),
        knownResources,
      },
      seen,
    );

    const outcomes: EventOutcome[] = [];
    const stored: EventRow[] = [];
    // The calls each pack took in this batch, in deduction order: a notice is dated at the call that
    // crossed its threshold, so it reads the same whether calls arrive one by one or in a late batch.
    const packCallTimes = new Map<bigint, Date[]>();
    for (const [i, e] of events.entries()) {
      const x = explained[i];
      if (!x) throw new Error('missing outcome');
      const o = x.outcome;
      switch (o.outcome) {
        case 'pack':
          outcomes.push({ id: e.id, outcome: 'pack', packId: o.packId.toString() });
          {
            const times = packCallTimes.get(o.packId);
            if (times) times.push(e.occurredAt);
            else packCallTimes.set(o.packId, [e.occurredAt]);
          }
          break;
        case 'rejected':
          outcomes.push({ id: e.id, outcome: 'rejected', code: o.code });
          break;
        case 'postpaid':
        case 'free':
        case 'duplicate':
          outcomes.push({ id: e.id, outcome: o.outcome });
          break;
        default: {
          const never: never = o;
          throw new Error(`unknown outcome ${String(never)}`);
        }
      }
      if (o.outcome === 'duplicate') continue;
      stored.push({
        accountId,
        eventId: e.id,
        label: e.label,
        resourceId: e.resourceId,
        result: e.result,
        occurredAt: e.occurredAt,
        day: cstDate(e.occurredAt),
        outcome: o.outcome,
        packId: o.outcome === 'pack' ? o.packId : null,
        code: o.outcome === 'rejected' ? o.code : null,
        rule: x.rule ?? null,
        receivedAt: now,
      });
    }

    const changed = packs.filter((p) => p.used !== usedBefore.get(p.id));
    const deltas = changed.map((p) => ({ id: p.id, n: p.used - (usedBefore.get(p.id) ?? p.used) }));
    // Independent writes, sent together (issue 15: one round trip).
    const [, updated] = await pipelined([insertEvents(tx, stored), addPackUsage(tx, accountId, deltas)]);
    if (updated.length !== deltas.length) {
      // A pack changed under us (expired, refunded) although we hold the account lock: every writer
      // of packs must lock the account first. Roll the batch back; the client retries it whole.
      throw new AppError('CONFLICT', 409, 'A resource pack changed while the batch was processed; send it again.');
    }
    await sendPackNotices(tx, {
      accountId,
      changes: changed.map((p) => ({
        id: p.id,
        label: p.label,
        total: p.total,
        usedBefore: usedBefore.get(p.id) ?? 0,
        usedAfter: p.used,
        callTimes: packCallTimes.get(p.id) ?? [],
      })),
      labels,
      postpaidEnabled: account.postpaidEnabled,
      now,
    });
    return { outcomes, ruled };
  });
  // R10.2 auto top-up right after the batch's deductions commit (apply-auto-topups.ts).
  if (response.ruled.length > 0) await applyEnabledAutoTopups(deps, accountId, response.ruled);
  return { outcomes: response.outcomes };
}
