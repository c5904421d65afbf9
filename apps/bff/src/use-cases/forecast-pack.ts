import { addDays, cstDate, DomainError, forecastLabel, formatAmount, formatCst, HISTORY_DAYS } from '@idv/billing';
import type { PackForecast } from '@idv/contracts';
import { AppError, notFound } from '../errors.ts';
import type { Deps } from '../http/context.ts';
import { accountNow, getAccountRow } from '../repositories/accounts.ts';
import { catalogMap } from '../repositories/catalog.ts';
import { labelActivePacks, labelDailyBillable, packDailyTaken } from '../repositories/forecast.ts';
import { getPack } from '../repositories/packs.ts';

/** The later / earlier of two 'YYYY-MM-DD' dates (they order as strings). */
const later = (a: string, b: string): string => (a > b ? a : b);
const earlier = (a: string, b: string): string => (a < b ? a : b);

/** Projection reaches at least this far, and at most this far past today. */
const MIN_HORIZON_DAYS = 30;
const MAX_HORIZON_DAYS = 400;

/**
 * GET /packs/:id/forecast (issue 9): the pack's projected run-out date and the calls likely to expire
 * unused, from the label's last 30 days of usage (weekday-aware), run through all the label's active
 * packs in deduction order (R4.2), because a pack's fate depends on the packs used before it. Also the
 * label's postpaid calls and spend after run-out until the horizon: the latest expiry of the label's
 * packs (at least 30 days, at most 400 days ahead). Time is the account's clock (demo tenants, R9.3).
 */
export async function forecastPack(deps: Deps, accountId: string, id: bigint): Promise<PackForecast> {
  const account = await getAccountRow(deps.db, accountId);
  if (!account) throw notFound('account');
  const now = accountNow(deps.clock, account);
  const row = await getPack(deps.db, accountId, id, now);
  if (!row) throw notFound('pack');
  const pack = row.pack;
  const label = (await catalogMap(deps.db)).get(pack.label);
  if (!label) throw notFound('label');

  const today = cstDate(now);
  // History: the complete days before today, not before the account existed (no false zeros).
  const activated = cstDate(account.activatedAt);
  const first = [addDays(today, -HISTORY_DAYS), activated].reduce(later);
  const counts = await labelDailyBillable(deps.db, accountId, pack.label, first, today);
  const history: { date: string; calls: number }[] = [];
  for (let d = first; d < today; d = addDays(d, 1)) history.push({ date: d, calls: counts.get(d) ?? 0 });

  const packs = await labelActivePacks(deps.db, accountId, pack.label);
  // Far enough to see every active pack of the label expire, within [today + 30, today + 400].
  const latestExpiry = packs.map((p) => cstDate(p.expiresAt)).reduce(later, today);
  const horizon = later(addDays(today, MIN_HORIZON_DAYS), earlier(latestExpiry, addDays(today, MAX_HORIZON_DAYS)));

  let f: ReturnType<typeof forecastLabel>;
  try {
    f = forecastLabel({
      today,
      history,
      todaySoFar: counts.get(today) ?? 0,
      packs,
      unitPrice: label.unitPrice,
      postpaidEnabled: account.postpaidEnabled,
      horizon,
    });
  } catch (e) {
    if (e instanceof DomainError && e.code === 'INVALID_FORECAST') throw new AppError('CONFLICT', 409, e.message);
    throw e;
  }

  const status = row.status as PackForecast['status'];
  const index = f.packs.findIndex((p) => p.id === pack.id);
  const projection = index >= 0 ? f.packs[index] : undefined;
  const remainingNow = pack.total - pack.used;
  // Not in the projection (exhausted, expired, refunded): nothing more will happen to it.
  const expiringUnused =
    projection !== undefined ? (projection.expiringUnused ?? 0) : status === 'expired' ? remainingNow : 0;

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
  };
}
