import {
  DomainError,
  formatAmount,
  formatMoney4,
  formatPrice,
  type Money,
  type Plan,
  type PlanForecast,
  percentOf,
  planPurchases,
} from '@idv/billing';
import type { Plan as PlanDto, PlannerQuery, PlannerResponse } from '@idv/contracts';
import { AppError } from '../errors.ts';
import type { Deps } from '../http/context.ts';
import { catalogMap } from '../repositories/catalog.ts';

/**
 * GET /planner (issue 9): the cheapest mix of the label's tiers and postpaid for the expected calls,
 * next to all postpaid and the hand-made alternatives. The optimiser is the pure billing planner.
 */
export async function plannerPlanPurchases(deps: Deps, q: PlannerQuery): Promise<PlannerResponse> {
  const label = (await catalogMap(deps.db)).get(q.label);
  if (!label) throw new AppError('UNKNOWN_LABEL', 400, `There is no billing label "${q.label}".`);
  const forecast: PlanForecast =
    q.months !== undefined ? { kind: 'months', months: q.months } : { kind: 'year', calls: q.calls ?? 0 };
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
    forecast: { kind: forecast.kind, months: forecast.kind === 'months' ? [...forecast.months] : null },
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
