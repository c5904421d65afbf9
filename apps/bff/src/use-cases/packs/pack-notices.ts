import { type BillingLabel, packThresholdCrossings } from '@idv/billing';
import { pipelined } from '@idv/db';
import { notificationContext, notify } from '../../repositories/notifications.ts';

export interface PackUsageChange {
  id: bigint;
  label: string;
  total: number;
  usedBefore: number;
  usedAfter: number;
  /** The calls the pack took in this change, in deduction order (to date the crossing call). */
  callTimes: readonly Date[];
}

/**
 * R7 'pack_low' when remaining first drops below 20% of total, 'pack_exhausted' when it reaches 0:
 * ONE path for every way a pack is used, ingest (R4.2) and same-day coverage at delivery (R4.3).
 * Each notice fires only on the crossing (packThresholdCrossings) and is recorded once per pack
 * (notify: cause `pack:<id>`, unique per account, kind and cause), so later usage, a retried batch or
 * a concurrent trigger never sends it again. A notice is dated at the call that crossed the line
 * (`callTimes[k-1]`) and quotes what was left right after it; a change without call times (a
 * delivery taking the day's calls at once) is dated `now` and quotes what is left after it.
 * Issue 15: the recipients are read once, then every notice of the change is written in one round trip
 * (each is its own statement, on its own cause: they do not depend on one another).
 */
export async function sendPackNotices(
  tx: Parameters<typeof notify>[0],
  e: {
    accountId: string;
    changes: readonly PackUsageChange[];
    labels: ReadonlyMap<string, BillingLabel>;
    postpaidEnabled: boolean;
    now: Date;
  },
): Promise<void> {
  const notices: Parameters<typeof notify>[1][] = [];
  for (const p of e.changes) {
    const before = { used: p.usedBefore, total: p.total };
    const times = p.callTimes;
    for (const kind of packThresholdCrossings(before, { used: p.usedAfter, total: p.total })) {
      const label = e.labels.get(p.label);
      // The k-th call of the change on this pack is the one that crossed (R7 "first drops below 20%").
      let k = 1;
      while (
        k < times.length &&
        !packThresholdCrossings(before, { used: before.used + k, total: p.total }).includes(kind)
      )
        k++;
      const taken = times.length > 0 ? Math.min(k, times.length) : p.usedAfter - p.usedBefore;
      notices.push({
        accountId: e.accountId,
        kind,
        cause: `pack:${p.id}`,
        at: times[k - 1] ?? e.now,
        vars: {
          labelZh: label?.nameZh ?? p.label,
          labelEn: label?.nameEn ?? p.label,
          packId: p.id.toString(),
          remaining: p.total - (before.used + taken),
          total: p.total,
          // R4.4/R7: say what happens next.
          nextZh: e.postpaidEnabled
            ? '后续调用将先使用该标签的其他资源包，之后按量后付费。'
            : '后续调用将先使用该标签的其他资源包；没有可用资源包时调用将被拒绝（后付费已关闭）。',
          nextEn: e.postpaidEnabled
            ? 'Further calls use your other packs of this label, then are billed postpaid.'
            : 'Further calls use your other packs of this label; without one they are refused (postpaid is off).',
        },
      });
    }
  }
  if (notices.length === 0) return;
  const context = await notificationContext(tx, e.accountId);
  await pipelined(notices.map((n) => notify(tx, n, context)));
}
