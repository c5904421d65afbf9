import { addDays, cstDate } from '@idv/billing';
import type { DailyLabelUsage } from '@idv/contracts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { accountNow, getAccountRow } from '../../repositories/accounts.ts';
import { dailyOutcomeCounts } from '../../repositories/usage.ts';

type Item = DailyLabelUsage['items'][number];

/** R3.6 Calls per label and CST day, split pack/postpaid/free (+ rejected); default: last 30 days. */
export async function getDailyUsage(
  deps: Deps,
  accountId: string,
  q: { label?: string | undefined; from?: string | undefined; to?: string | undefined },
): Promise<DailyLabelUsage> {
  const account = await getAccountRow(deps.db, accountId);
  if (!account) throw notFound('account');
  const to = q.to ?? cstDate(accountNow(deps.clock, account));
  const from = q.from ?? addDays(to, -29);
  const counts = await dailyOutcomeCounts(deps.db, accountId, { from, to, label: q.label });
  const byKey = new Map<string, Item>();
  for (const c of counts) {
    const key = `${c.day}|${c.label}`;
    let item = byKey.get(key);
    if (!item) {
      item = { date: c.day, label: c.label, calls: 0, pack: 0, postpaid: 0, free: 0, rejected: 0 };
      byKey.set(key, item);
    }
    item[c.outcome] += c.calls;
    if (c.outcome !== 'rejected') item.calls += c.calls;
  }
  return { items: [...byKey.values()] };
}
