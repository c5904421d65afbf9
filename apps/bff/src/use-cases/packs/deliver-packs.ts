import { coverSameDay, type PackState, packValidity } from '@idv/billing';
import { type packs, pipelined, startQuery, type Tx } from '@idv/db';
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
 * (sendPackNotices, once per pack). Returns the packs as they are after coverage (in insert order)
 * and the calls moved.
 * Issue 15: the packs' insert and the read of the day's postpaid calls go together (one round trip):
 * which (label, day) pairs coverage reads is known before the insert (the packs' first day of
 * validity), and the read does not depend on the new rows.
 */
export async function deliverPacks(
  tx: Tx,
  account: Pick<AccountRow, 'id' | 'settledThrough' | 'postpaidEnabled'>,
  newPacks: NewPack[],
  now: Date,
): Promise<{ ids: bigint[]; packs: (typeof packs.$inferSelect)[]; covered: number }> {
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
  // R4.3 the delivery day is the pack's first day of validity (the one rule, packValidity); only
  // unsettled calls move: a settled day's postpaid calls are already billed (R4.6, R5.3).
  const dayKey = (p: { label: string; acquiredAt: Date; expiresAt: Date }) =>
    `${p.label}\u0000${packValidity(p).firstDay}`;
  const coverKeys = [
    ...new Set(
      rows
        .filter((p) => p.status === 'active')
        .map(dayKey)
        .filter((k) => {
          const day = k.split('\u0000')[1] ?? '';
          return account.settledThrough === null || account.settledThrough < day;
        }),
    ),
  ];
  const [inserted, ...postpaid] = await pipelined([
    insertPacks(tx, rows),
    ...coverKeys.map((k) => {
      const [label = '', day = ''] = k.split('\u0000');
      return startQuery(postpaidEventsOfDay(tx, account.id, label, day));
    }),
  ] as const);
  const postpaidOf = new Map(coverKeys.map((k, i) => [k, postpaid[i] ?? []]));
  let covered = 0;
  const noticeChanges: PackUsageChange[] = [];
  const byLabelDay = new Map<string, PackState[]>();
  for (const p of inserted) {
    if (p.status !== 'active') continue;
    const key = dayKey(p);
    const list = byLabelDay.get(key) ?? [];
    list.push({ ...p, status: 'active' });
    byLabelDay.set(key, list);
  }
  for (const [key, states] of byLabelDay) {
    const events = postpaidOf.get(key) ?? [];
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
      await pipelined([
        coverEventsWithPack(tx, account.id, s.id, ids),
        setPackUsage(tx, s.id, s.used, s.status === 'exhausted' ? 'exhausted' : 'active'),
      ]);
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
  const after = new Map<bigint, PackState>();
  for (const states of byLabelDay.values()) for (const st of states) after.set(st.id, st);
  const delivered = inserted.map((p) => {
    const st = after.get(p.id);
    return st ? { ...p, used: st.used, status: st.status } : p;
  });
  return { ids: inserted.map((p) => p.id), packs: delivered, covered };
}
