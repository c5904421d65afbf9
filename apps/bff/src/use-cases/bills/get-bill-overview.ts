import { addMonths, parseMoney } from '@idv/billing';
import type { BillOverview, BillOverviewQuery } from '@idv/contracts';
import type { Deps } from '../../deps.ts';
import { billOverview, isMonthSettled } from '../../repositories/bills/overview.ts';
import { lastDayOfMonth, matchesNothing, presentMoney, resolveBillFilter } from './bills-shared.ts';

const TREND_MONTHS = 12;

/**
 * R5.5 overview of a CST month: total, split by product and by billing mode, and the trend of the
 * 12 months ending at `month` (oldest first, empty months "0.00"). Optional filters are the same as
 * the bills', so the overview reconciles with them for any filter.
 */
export async function getBillOverview(deps: Deps, accountId: string, q: BillOverviewQuery): Promise<BillOverview> {
  const f = await resolveBillFilter(deps.db, accountId, q);
  const from = addMonths(q.month, -(TREND_MONTHS - 1));
  const [data, settled] = await Promise.all([
    matchesNothing(f)
      ? { total: { count: 0, total: '0' }, byProduct: [], byBillingMode: [], trend: [] }
      : billOverview(deps.db, accountId, f, from),
    isMonthSettled(deps.db, accountId, lastDayOfMonth(q.month), q.month),
  ]);
  const byMonth = new Map(data.trend.map((t) => [t.month, t.total]));
  const byTotalDesc = <T extends { total: string }>(rows: T[], key: (r: T) => string) =>
    rows.sort((x, y) => {
      const d = parseMoney(y.total) - parseMoney(x.total);
      return d !== 0n ? (d > 0n ? 1 : -1) : key(x).localeCompare(key(y));
    });
  return {
    month: q.month,
    total: presentMoney(data.total.total),
    count: data.total.count,
    byProduct: byTotalDesc(data.byProduct, (r) => r.product).map((r) => ({
      product: r.product,
      total: presentMoney(r.total),
      count: r.count,
    })),
    byBillingMode: byTotalDesc(data.byBillingMode, (r) => r.billingMode).map((r) => ({
      billingMode: r.billingMode,
      total: presentMoney(r.total),
      count: r.count,
    })),
    trend: Array.from({ length: TREND_MONTHS }, (_, i) => {
      const month = addMonths(from, i);
      return { month, total: presentMoney(byMonth.get(month) ?? '0') };
    }),
    settled,
  };
}
