import { accounts, type DbOrTx, rows, settlements } from '@idv/db';
import { and, eq, sql } from 'drizzle-orm';
import { aggFor, type BillingModeValue, dimWhere, num, type ResolvedBillFilter } from './filters.ts';

/** Count and total of every charge matching the filter (from the aggregate). */
export async function billSummary(
  db: DbOrTx,
  accountId: string,
  f: ResolvedBillFilter,
): Promise<{ count: number; total: string }> {
  const a = aggFor(f);
  const [r] = await db
    .select({
      count: sql<string>`coalesce(sum(${a.rowCount}), 0)::text`,
      total: sql<string>`coalesce(sum(${a.amount}), 0)::numeric(24,4)::text`,
    })
    .from(a)
    .where(and(...dimWhere(a, accountId, f), eq(a.month, f.month)));
  return { count: num(r?.count), total: r?.total ?? '0' };
}

export interface OverviewRows {
  total: { count: number; total: string };
  byProduct: { product: string; count: number; total: string }[];
  byBillingMode: { billingMode: BillingModeValue; count: number; total: string }[];
  trend: { month: string; total: string }[];
}

/** R5.5 overview: total, by product, by billing mode (grouping sets), and the trend of [from, to]. */
export async function billOverview(
  db: DbOrTx,
  accountId: string,
  f: ResolvedBillFilter,
  trendFrom: string,
): Promise<OverviewRows> {
  const a = aggFor(f);
  const where = and(...dimWhere(a, accountId, f), eq(a.month, f.month));
  const trendWhere = and(...dimWhere(a, accountId, f), sql`${a.month} between ${trendFrom} and ${f.month}`);
  const [groups, trend] = await Promise.all([
    rows<{
      product: string | null;
      billing_mode: BillingModeValue | null;
      g_product: number | string;
      g_mode: number | string;
      count: string | number;
      total: string;
    }>(
      db,
      sql`select ${a.product} as product, ${a.billingMode} as billing_mode,
               grouping(${a.product}) as g_product, grouping(${a.billingMode}) as g_mode,
               sum(${a.rowCount})::text as count, sum(${a.amount})::numeric(24,4)::text as total
          from ${a} where ${where}
         group by grouping sets ((${a.product}), (${a.billingMode}), ())
        having sum(${a.rowCount}) > 0`,
    ),
    rows<{ month: string; total: string }>(
      db,
      sql`select ${a.month} as month, sum(${a.amount})::numeric(24,4)::text as total
            from ${a} where ${trendWhere} group by ${a.month} order by ${a.month}`,
    ),
  ]);
  const out: OverviewRows = { total: { count: 0, total: '0' }, byProduct: [], byBillingMode: [], trend };
  for (const g of groups) {
    const gp = num(g.g_product);
    const gm = num(g.g_mode);
    const cell = { count: num(g.count), total: g.total };
    if (gp === 1 && gm === 1) out.total = cell;
    else if (gp === 0 && g.product !== null) out.byProduct.push({ product: g.product, ...cell });
    else if (gm === 0 && g.billing_mode !== null) out.byBillingMode.push({ billingMode: g.billing_mode, ...cell });
  }
  return out;
}

/**
 * A month is settled (final, R5.1/R5.2) once its last day has been settled (daily accounts) or the
 * monthly settlement of that period exists.
 */
export async function isMonthSettled(db: DbOrTx, accountId: string, lastDay: string, month: string): Promise<boolean> {
  const [acct] = await db
    .select({ settledThrough: accounts.settledThrough })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  if (acct?.settledThrough && acct.settledThrough >= lastDay) return true;
  const [m] = await db
    .select({ id: settlements.id })
    .from(settlements)
    .where(and(eq(settlements.accountId, accountId), eq(settlements.kind, 'monthly'), eq(settlements.period, month)))
    .limit(1);
  return m !== undefined;
}
