import {
  type BillingLabel,
  DomainError,
  forecastMonthsHorizon,
  formatAmount,
  formatMoney4,
  formatPrice,
  type Money,
  monthsFromForecast,
  type Plan,
  type PlanForecast,
  percentOf,
  planPurchases,
} from '@idv/billing';
import {
  DEFAULT_PLANNER_HISTORY_MONTHS,
  type Plan as PlanDto,
  type PlannerHistory,
  type PlannerQuery,
  type PlannerResponse,
} from '@idv/contracts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { accountNow, getAccountRow } from '../../repositories/accounts.ts';
import { catalogMap } from '../../repositories/catalog.ts';
import { forecastAccountLabel } from '../packs/label-forecast.ts';

/**
 * GET /planner (issue 9): the cheapest mix of the label's tiers and postpaid for the expected calls,
 * next to all postpaid and the hand-made alternatives. The optimiser is the pure billing planner.
 * The forecast is typed in (`calls`, `months`) or, with `source=history`, made from the account's own
 * last 30 days of the label minus what its active packs will cover (only `accountId`'s data is read).
 */
export async function plannerPlanPurchases(deps: Deps, q: PlannerQuery, accountId: string): Promise<PlannerResponse> {
  const label = (await catalogMap(deps.db)).get(q.label);
  if (!label) throw new AppError('UNKNOWN_LABEL', 400, `There is no billing label "${q.label}".`);
  let history: PlannerHistory | null = null;
  let forecast: PlanForecast;
  if (q.source === 'history') {
    history = await historyForecast(deps, accountId, label, q.horizonMonths ?? DEFAULT_PLANNER_HISTORY_MONTHS);
    forecast = { kind: 'months', months: history.months.map((m) => m.toPlan) };
  } else if (q.months !== undefined) {
    forecast = { kind: 'months', months: q.months };
  } else {
    forecast = { kind: 'year', calls: q.calls ?? 0 };
  }
  let r: ReturnType<typeof planPurchases>;
  try {
    r = planPurchases(label, forecast);
  } catch (e) {
    if (e instanceof DomainError && e.code === 'INVALID_PLAN') {
      throw new AppError('INVALID_REQUEST', 400, e.message, { errors: [{ path: 'calls', message: e.message }] });
    }
    throw e;
  }
  const ref = r.allPostpaid.total;
  return {
    label: label.code,
    labelNameZh: label.nameZh,
    labelNameEn: label.nameEn,
    unitPrice: formatPrice(label.unitPrice),
    tiers: label.tiers.map((t) => ({ size: t.size, price: formatAmount(t.price) })),
    forecast: {
      kind: history ? 'history' : forecast.kind,
      months: forecast.kind === 'months' ? [...forecast.months] : null,
    },
    history,
    calls: r.calls,
    best: present(r.best, ref),
    allPostpaid: present(r.allPostpaid, ref),
    alternatives: r.alternatives.map((a) => ({ strategy: a.strategy, ...present(a.plan, ref) })),
    windows: r.windows.map((w) => ({
      index: w.index,
      firstMonth: w.firstMonth,
      lastMonth: w.lastMonth,
      calls: w.calls,
      best: present(w.best, w.allPostpaid.total),
      allPostpaid: present(w.allPostpaid, w.allPostpaid.total),
    })),
  };
}

/**
 * The "from history" forecast: the label's last 30 days at the account's clock (demo tenants: the
 * simulated one), projected through its active packs (R4.2) to the end of the last month, summed per
 * month (packages/billing plan-from-forecast.ts).
 */
async function historyForecast(
  deps: Deps,
  accountId: string,
  label: BillingLabel,
  horizonMonths: number,
): Promise<PlannerHistory> {
  const account = await getAccountRow(deps.db, accountId);
  if (!account) throw notFound('account');
  const now = accountNow(deps.clock, account);
  const { usage, forecast: f } = await forecastAccountLabel(deps, account, label, now, (u) =>
    forecastMonthsHorizon(u.today, horizonMonths),
  );
  // R4.3 a pack bought now also takes today's calls that already went postpaid.
  const m = monthsFromForecast(f, horizonMonths, usage.todayPostpaid);
  return {
    today: m.today,
    horizonMonths,
    historyDays: f.historyDays,
    historyCalls: usage.history.reduce((a, d) => a + d.calls, 0),
    trendPerDay: f.trendPerDay,
    projectedCalls: m.projectedCalls,
    coveredByPacks: m.coveredByPacks,
    toPlan: m.toPlan,
    months: m.months.map((x) => ({
      month: x.index,
      from: x.from,
      to: x.to,
      projectedCalls: x.projectedCalls,
      coveredByPacks: x.coveredByPacks,
      toPlan: x.toPlan,
    })),
    method: m.method.en,
    methodZh: m.method.zh,
  };
}

/** Amounts are whole cents except with 4-decimal pack prices; show 2 decimals when exact. */
const money = (m: Money): string => (m % 100n === 0n ? formatAmount(m) : formatMoney4(m));

function present(p: Plan, allPostpaid: Money): PlanDto {
  return {
    packs: p.packs.map((l) => ({
      size: l.size,
      quantity: l.quantity,
      unitPrice: money(l.unitPrice),
      amount: money(l.amount),
    })),
    packCount: p.packCount,
    calls: p.calls,
    packCalls: p.packCalls,
    postpaidCalls: p.postpaidCalls,
    unusedCalls: p.unusedCalls,
    packsAmount: money(p.packsAmount),
    postpaidAmount: money(p.postpaidAmount),
    total: money(p.total),
    saving: money(allPostpaid - p.total),
    savingPercent: percentOf(allPostpaid - p.total, allPostpaid),
  };
}
