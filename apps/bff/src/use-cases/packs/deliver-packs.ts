import { coverSameDay, type PackState, packValidity } from '@idv/billing';
import type { Tx } from '@idv/db';
import type { AccountRow } from '../../repositories/accounts.ts';
import { catalogMap } from '../../repositories/catalog.ts';
import {
  coverEventsWithPack,
  insertPacks,
  type NewPackRow,
  postpaidEventsOfDay,
  setPackUsage,
} from '../../repositories/pack-delivery.ts';
import { type PackUsageChange, sendPackNotices } from './pack-notices.ts';

export interface NewPack {
  label: string;
  source: 'purchase' | 'gift';
  total: number;
  acquiredAt: Date;
  expiresAt: Date;
  orderId?: string;
  orderIndex?: number;
  grantReason?: string;
}

/**
 * Delivers packs (R3.3 purchases, R3.4 trial gifts) inside the caller's transaction, which must hold
 * lockAccount() (always taken before any pack row), then runs same-day coverage (R4.3): the calls of
 * each label that fell to postpaid earlier on the delivery's CST day, and are not settled yet, move
 * onto the new packs in R4.2 order as far as they reach. A pack that crosses 20% or 0 by absorbing
 * them gets its pack_low / pack_exhausted notice (R7) through the same path as ingest
 * (sendPackNotices, once per pack). Returns the pack ids and the calls moved.
 */
export async function deliverPacks(
  tx: Tx,
  account: Pick<AccountRow, 'id' | 'settledThrough' | 'postpaidEnabled'>,
  newPacks: NewPack[],
  now: Date,
): Promise<{ ids: bigint[]; covered: number }> {
  const rows: NewPackRow[] = newPacks.map((p) => ({
    accountId: account.id,
    label: p.label,
    source: p.source,
    total: p.total,
    used: 0,
    // A catch-up grant older than its own validity is delivered already expired.
    status: p.expiresAt.getTime() < now.getTime() ? 'expired' : 'active',
    acquiredAt: p.acquiredAt,
    expiresAt: p.expiresAt,
    orderId: p.orderId ?? null,
    orderIndex: p.orderIndex ?? null,
    grantReason: p.grantReason ?? null,
  }));
  const inserted = await insertPacks(tx, rows);
  let covered = 0;
  const noticeChanges: PackUsageChange[] = [];
  const byLabelDay = new Map<string, PackState[]>();
  for (const p of inserted) {
    if (p.status !== 'active') continue;
    // R4.3 the delivery day is the pack's first day of validity (the one rule, packValidity).
    const key = `${p.label}\u0000${packValidity(p).firstDay}`;
    const list = byLabelDay.get(key) ?? [];
    list.push({ ...p, status: 'active' });
    byLabelDay.set(key, list);
  }
  for (const [key, states] of byLabelDay) {
    const [label = '', day = ''] = key.split('\u0000');
    // R4.3 only unsettled calls move: a settled day's postpaid calls are already billed (R4.6, R5.3).
    if (account.settledThrough !== null && account.settledThrough >= day) continue;
    const events = await postpaidEventsOfDay(tx, account.id, label, day);
    if (events.length === 0) continue;
    const moves = coverSameDay(states, events);
    const perPack = new Map<bigint, string[]>();
    for (const m of moves) {
      const list = perPack.get(m.packId) ?? [];
      list.push(m.eventId);
      perPack.set(m.packId, list);
    }
    for (const s of states) {
      const ids = perPack.get(s.id);
      if (!ids) continue;
      await coverEventsWithPack(tx, account.id, s.id, ids);
      await setPackUsage(tx, s.id, s.used, s.status === 'exhausted' ? 'exhausted' : 'active');
      // A fresh pack starts at 0 used and takes the calls all at once, at delivery (R7): the notice is
      // dated `now` and says what is left after the delivery (no per-call times).
      noticeChanges.push({ id: s.id, label: s.label, total: s.total, usedBefore: 0, usedAfter: s.used, callTimes: [] });
    }
    covered += moves.length;
  }
  if (noticeChanges.length > 0) {
    // R7 a pack that crosses 20% or 0 at delivery, by absorbing the day's calls, gets the same notices.
    await sendPackNotices(tx, {
      accountId: account.id,
      changes: noticeChanges,
      labels: await catalogMap(tx),
      postpaidEnabled: account.postpaidEnabled,
      now,
    });
  }
  return { ids: inserted.map((p) => p.id), covered };
}
