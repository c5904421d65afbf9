import {
  addDays,
  type BillingLabel,
  cstMonth,
  DomainError,
  type ForecastInput,
  forecastLabel,
  type LabelForecast,
  type Money,
  monthRange,
  type PackProjection,
  type PackState,
  packValidity,
  purchasedPackExpiry,
  startOfCstDay,
} from '@idv/billing';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import type { AccountRow } from '../../repositories/accounts.ts';
import { autoTopupOrdersPerLabel, listAutoTopupRules } from '../../repositories/auto-topups.ts';
import { type LabelUsageHistory, labelUsageHistory } from '../../repositories/forecast.ts';
import { balancesOf } from '../../repositories/ledger.ts';

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

/** R10.2 An enabled auto top-up rule of the label, as the forecast sees it at the account's clock. */
export interface AutoTopupForecastRule {
  belowCalls: number;
  size: number;
  quantity: number;
  monthlyLimit: number;
  /** Orders the rule placed in the current CST month. */
  boughtThisMonth: number;
  /** The rule's latch (false: this crossing was already handled; the next drop below N after a lift is new). */
  armed: boolean;
  /** Price of one pack of the rule's tier. */
  packPrice: Money;
  /** What the account can pay with now (available balance, at least 0): future recharges are not assumed. */
  balance: Money;
}

/** R10.2 A purchase the rule is projected to make: on `date`, `quantity` packs of `size` calls. */
export interface ForecastAutoPurchase {
  date: string;
  quantity: number;
  size: number;
  amount: Money;
}

export interface AutoTopupProjection {
  purchases: ForecastAutoPurchase[];
  /** The first projected crossing the rule cannot act on (balance too low, or the month's limit used up). */
  failedOn: string | null;
  failReason: 'INSUFFICIENT_BALANCE' | 'MONTHLY_LIMIT' | null;
}

/** Projected purchases beyond this many are not simulated (a year of a tiny N): the projection says so. */
export const MAX_PROJECTED_TOPUPS = 48;

/**
 * R10.2 The label forecast with the auto top-up rule's future purchases: each projected day whose end
 * leaves the label's remaining calls below N, with the rule armed, is a crossing: the rule buys tier × q
 * that day (a delivery on day D serves all of D, R4.3) while the month's limit and the balance allow,
 * then disarms until a purchase lifts the remaining back to N. Each purchase adds its packs and the
 * forecast runs again from the same input, so the run-out date, postpaid calls and spend are those of
 * the label with the rule's packs. Pure (no I/O); `now` dates a purchase made today.
 */
export function forecastWithAutoTopup(
  input: ForecastInput,
  label: string,
  rule: AutoTopupForecastRule | null,
  now: Date,
): { forecast: LabelForecast; autoTopup: AutoTopupProjection | null } {
  let forecast = forecastLabel(input);
  if (!rule) return { forecast, autoTopup: null };
  const packs: PackState[] = [...input.packs];
  const remainingOf = (i: number) => (forecast.points[i]?.remaining ?? []).reduce((a, r) => a + r, 0);
  const remainingNow = input.packs
    .filter((p) => p.status === 'active' && packValidity(p).lastDay >= input.today)
    .reduce((a, p) => a + Math.max(0, p.total - p.used), 0);
  const out: AutoTopupProjection = { purchases: [], failedOn: null, failReason: null };
  const bought = new Map<string, number>([[input.today.slice(0, 7), rule.boughtThisMonth]]);
  const amount = rule.packPrice * BigInt(rule.quantity);
  let balance = rule.balance;
  let armed = rule.armed || remainingNow >= rule.belowCalls;
  let from = 0;
  let nextId = -1n;
  while (out.purchases.length < MAX_PROJECTED_TOPUPS) {
    let j = from;
    for (; j < forecast.points.length; j++) {
      if (remainingOf(j) >= rule.belowCalls) armed = true;
      else if (armed) break;
    }
    const point = forecast.points[j];
    if (!point) break;
    from = j + 1;
    armed = false;
    const month = point.date.slice(0, 7);
    if ((bought.get(month) ?? 0) >= rule.monthlyLimit || balance < amount) {
      if (out.failedOn === null) {
        out.failedOn = point.date;
        out.failReason = balance < amount ? 'INSUFFICIENT_BALANCE' : 'MONTHLY_LIMIT';
      }
      continue;
    }
    bought.set(month, (bought.get(month) ?? 0) + 1);
    balance -= amount;
    const at = point.date === input.today ? now : startOfCstDay(point.date);
    for (let q = 0; q < rule.quantity; q++) {
      packs.push({
        id: nextId--,
        label,
        source: 'purchase',
        status: 'active',
        total: rule.size,
        used: 0,
        acquiredAt: at,
        expiresAt: purchasedPackExpiry(at),
      });
    }
    out.purchases.push({ date: point.date, quantity: rule.quantity, size: rule.size, amount });
    forecast = forecastLabel({ ...input, packs });
    if (remainingOf(j) >= rule.belowCalls) armed = true;
  }
  return { forecast, autoTopup: out };
}

/** R10.2 The label's enabled rule with what it needs for the forecast, or null. */
async function autoTopupRuleOf(
  deps: Deps,
  account: AccountRow,
  label: BillingLabel,
  now: Date,
): Promise<AutoTopupForecastRule | null> {
  const rule = (await listAutoTopupRules(deps.db, account.id)).find((r) => r.label === label.code && r.enabled);
  const tier = rule && label.tiers.find((t) => t.size === rule.size);
  if (!rule || !tier) return null;
  const bought = await autoTopupOrdersPerLabel(deps.db, account.id, monthRange(cstMonth(now)));
  const b = balancesOf(account);
  const available = b.cash + b.income + b.gift;
  return {
    belowCalls: rule.belowCalls,
    size: rule.size,
    quantity: rule.quantity,
    monthlyLimit: rule.monthlyLimit,
    boughtThisMonth: bought.get(label.code) ?? 0,
    armed: rule.armed,
    packPrice: tier.price,
    balance: available > 0n ? available : 0n,
  };
}

/**
 * Shared by the burn-down forecast (GET /packs/:id/forecast), the pack list's projections (GET
 * /packs/projections), the planner's "from history" source (issue 9) and the budgets' forecast (R10.1):
 * the label's last 30 days at the account's clock (`now`: demo tenants run on a simulated one), flowed
 * through its active packs in R4.2 order up to `horizon` (default: packHorizon), with the purchases an
 * enabled auto top-up rule of the label would make (R10.2, forecastWithAutoTopup). Suspended, released
 * and violation-flagged accounts never auto-buy, so their forecast has none. A forecast the pure code
 * refuses is 409.
 */
export async function forecastAccountLabel(
  deps: Deps,
  account: AccountRow,
  label: BillingLabel,
  now: Date,
  horizon: (usage: LabelUsageHistory) => string = packHorizon,
): Promise<{ usage: LabelUsageHistory; forecast: LabelForecast; autoTopup: AutoTopupProjection | null }> {
  const usage = await labelUsageHistory(deps.db, account, label.code, now);
  const buys = account.status !== 'suspended' && account.status !== 'released' && !account.violation;
  const rule = buys ? await autoTopupRuleOf(deps, account, label, now) : null;
  try {
    const { forecast, autoTopup } = forecastWithAutoTopup(
      {
        today: usage.today,
        history: usage.history,
        todaySoFar: usage.todaySoFar,
        packs: usage.packs,
        unitPrice: label.unitPrice,
        postpaidEnabled: account.postpaidEnabled,
        horizon: horizon(usage),
      },
      label.code,
      rule,
      now,
    );
    return { usage, forecast, autoTopup };
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
