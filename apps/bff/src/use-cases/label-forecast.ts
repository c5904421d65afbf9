import {
  addDays,
  type BillingLabel,
  DomainError,
  forecastLabel,
  type LabelForecast,
  type PackProjection,
  packValidity,
} from '@idv/billing';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import type { AccountRow } from '../repositories/accounts.ts';
import { type LabelUsageHistory, labelUsageHistory } from '../repositories/forecast.ts';

/** The pack forecast reaches at least this far, and at most this far past today. */
export const MIN_PACK_HORIZON_DAYS = 30;
export const MAX_PACK_HORIZON_DAYS = 400;

/** The later / earlier of two 'YYYY-MM-DD' dates (they order as strings). */
const later = (a: string, b: string): string => (a > b ? a : b);
const earlier = (a: string, b: string): string => (a < b ? a : b);

/** Far enough to see every active pack of the label expire, within [today + 30, today + 400]. */
export function packHorizon(usage: Pick<LabelUsageHistory, 'today' | 'packs'>): string {
  const latestExpiry = usage.packs.map((p) => packValidity(p).lastDay).reduce(later, usage.today);
  return later(
    addDays(usage.today, MIN_PACK_HORIZON_DAYS),
    earlier(latestExpiry, addDays(usage.today, MAX_PACK_HORIZON_DAYS)),
  );
}

/**
 * Shared by the burn-down forecast (GET /packs/:id/forecast), the pack list's projections (GET
 * /packs/projections) and the planner's "from history" source (issue 9): the label's last 30 days at
 * the account's clock (`now`: demo tenants run on a simulated one), flowed through its active packs in
 * R4.2 order up to `horizon` (default: packHorizon). A forecast the pure code refuses is 409.
 */
export async function forecastAccountLabel(
  deps: Deps,
  account: AccountRow,
  label: BillingLabel,
  now: Date,
  horizon: (usage: LabelUsageHistory) => string = packHorizon,
): Promise<{ usage: LabelUsageHistory; forecast: LabelForecast }> {
  const usage = await labelUsageHistory(deps.db, account, label.code, now);
  try {
    const forecast = forecastLabel({
      today: usage.today,
      history: usage.history,
      todaySoFar: usage.todaySoFar,
      packs: usage.packs,
      unitPrice: label.unitPrice,
      postpaidEnabled: account.postpaidEnabled,
      horizon: horizon(usage),
    });
    return { usage, forecast };
  } catch (e) {
    if (e instanceof DomainError && e.code === 'INVALID_FORECAST') throw new AppError('CONFLICT', 409, e.message);
    throw e;
  }
}

/**
 * One pack's fate in a label forecast. A pack not in the projection (exhausted, expired, refunded)
 * has nothing more happen to it: an expired one let what it held expire unused.
 */
export function packFate(
  f: LabelForecast,
  pack: { id: bigint; total: number; used: number },
  status: string,
): { index: number; projection: PackProjection | undefined; expiringUnused: number } {
  const index = f.packs.findIndex((p) => p.id === pack.id);
  const projection = index >= 0 ? f.packs[index] : undefined;
  const expiringUnused =
    projection !== undefined ? (projection.expiringUnused ?? 0) : status === 'expired' ? pack.total - pack.used : 0;
  return { index, projection, expiringUnused };
}
