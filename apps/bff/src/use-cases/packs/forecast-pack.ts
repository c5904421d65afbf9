import { addDays, formatAmount, formatCst } from '@idv/billing';
import type { PackForecast } from '@idv/contracts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { catalogMap } from '../../repositories/catalog.ts';
import { packDailyTaken } from '../../repositories/forecast.ts';
import { accountPack } from './get-pack.ts';
import { forecastAccountLabel, packFate } from './label-forecast.ts';

/**
 * GET /packs/:id/forecast (issue 9): the pack's projected run-out date and the calls likely to expire
 * unused, from the label's last 30 days of usage (weekday-aware), run through all the label's active
 * packs in deduction order (R4.2), because a pack's fate depends on the packs used before it. Also the
 * label's postpaid calls and spend after run-out until the horizon: the latest expiry of the label's
 * packs (at least 30 days, at most 400 days ahead). Time is the account's clock (demo tenants, R9.3).
 * With an enabled auto top-up rule of the label, the rule's projected purchases are in the projection
 * (they take the calls where the packs would run out) and listed in `autoTopup` (R10.2).
 */
export async function forecastPack(deps: Deps, accountId: string, id: bigint): Promise<PackForecast> {
  const { account, now, row } = await accountPack(deps, accountId, id);
  const pack = row.pack;
  const label = (await catalogMap(deps.db)).get(pack.label);
  if (!label) throw notFound('label');

  // The label's last 30 days (not before activation) and all its active packs, at the account's clock.
  const { usage, forecast: f, autoTopup } = await forecastAccountLabel(deps, account, label, now);
  const { today, first, counts } = usage;
  const horizon = f.horizon;
  const status = row.status as PackForecast['status'];
  const { index, projection, expiringUnused } = packFate(f, pack, status);
  const remainingNow = pack.total - pack.used;

  // Actual remaining at the end of each past day: what is left now plus what the pack took afterwards.
  const taken = await packDailyTaken(deps.db, pack.id, first);
  const points: PackForecast['points'] = [];
  let after = 0;
  const past: PackForecast['points'] = [];
  for (let d = addDays(today, -1); d >= first; d = addDays(d, -1)) {
    after += taken.get(addDays(d, 1)) ?? 0;
    past.push({ date: d, actual: true, labelCalls: counts.get(d) ?? 0, remaining: remainingNow + after });
  }
  points.push(...past.reverse());
  for (const p of f.points) {
    points.push({
      date: p.date,
      actual: false,
      labelCalls: p.calls,
      remaining: index >= 0 ? (p.remaining[index] ?? 0) : status === 'active' ? remainingNow : 0,
    });
  }

  return {
    packId: pack.id.toString(),
    label: pack.label,
    status,
    today,
    horizon,
    total: pack.total,
    remaining: remainingNow,
    expiresAt: formatCst(pack.expiresAt),
    runOutDate: projection?.runOutDate ?? null,
    expiringUnused,
    postpaidFrom: f.postpaidFrom,
    postpaidCalls: f.postpaidCalls,
    postpaidSpend: formatAmount(f.postpaidSpend),
    refusedCalls: f.refusedCalls,
    historyDays: f.historyDays,
    trendPerDay: f.trendPerDay,
    weekdays: f.weekdays,
    method: f.method.en,
    methodZh: f.method.zh,
    points,
    ...(autoTopup
      ? {
          autoTopup: {
            purchases: autoTopup.purchases.map((p) => ({ ...p, amount: formatAmount(p.amount) })),
            failedOn: autoTopup.failedOn,
            failReason: autoTopup.failReason,
          },
        }
      : {}),
  };
}
