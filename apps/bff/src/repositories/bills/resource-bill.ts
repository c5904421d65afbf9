import { billAggregates, type DbOrTx, resources, rows } from '@idv/db';
import { and, eq, sql } from 'drizzle-orm';
import { dimWhere, num, type ResolvedBillFilter } from './filters.ts';

export interface ResourceBillRow {
  resourceId: string | null;
  alias: string | null;
  project: string | null;
  region: string | null;
  product: string;
  total: string;
  count: number;
  quantity: number;
}

/** Keyset position in the resource-ID bill: total desc, then resource id (account-wide first), product. */
export interface ResourceCursor {
  total: string;
  resourceKey: string;
  product: string;
}

/**
 * R5.5 resource-ID bill: one row per resource and product (account-wide rows have resource id
 * null), ordered by total desc, then resource id, then product; keyset on that order. Computed
 * from the aggregate, which is small (resources × products × modes × types per month).
 */
export async function listResourceBill(
  db: DbOrTx,
  accountId: string,
  f: ResolvedBillFilter,
  after: ResourceCursor | undefined,
  limit: number,
): Promise<{ rows: ResourceBillRow[]; summary: { count: number; total: string; rows: number } }> {
  const a = billAggregates;
  const where = and(...dimWhere(a, accountId, f), eq(a.month, f.month));
  const keyset = after
    ? sql`where total < ${after.total}::numeric or (total = ${after.total}::numeric and (resource_key, product) > (${after.resourceKey}, ${after.product}))`
    : sql``;
  const list = await rows<{
    resource_id: string | null;
    alias: string | null;
    project: string | null;
    region: string | null;
    product: string | null;
    total: string | null;
    count: string | number | null;
    quantity: string | number | null;
    all_rows: string | number;
    all_count: string | number;
    all_total: string;
  }>(
    db,
    sql`with g as (
          select ${a.resourceId} as resource_id, coalesce(${a.resourceId}, '') as resource_key, ${a.product} as product,
                 sum(${a.amount})::numeric(24,4) as total, sum(${a.rowCount}) as count, sum(${a.quantity}) as quantity
            from ${a} where ${where}
           group by ${a.resourceId}, ${a.product}
          having sum(${a.rowCount}) > 0
        ), s as (
          select count(*) as all_rows, coalesce(sum(count), 0) as all_count, coalesce(sum(total), 0)::numeric(24,4) as all_total from g
        )
        select g.resource_id, r.alias, r.project, r.region, g.product, g.total::text as total,
               g.count::text as count, g.quantity::text as quantity,
               s.all_rows::text as all_rows, s.all_count::text as all_count, s.all_total::text as all_total
          from s left join lateral (
            select * from g ${keyset} order by total desc, resource_key, product limit ${limit}
          ) g on true
          left join ${resources} r on r.id = g.resource_id and r.account_id = ${accountId}
         order by g.total desc, g.resource_key, g.product`,
  );
  const first = list[0];
  const summary = {
    rows: num(first?.all_rows),
    count: num(first?.all_count),
    total: first?.all_total ?? '0',
  };
  const out: ResourceBillRow[] = [];
  for (const r of list) {
    // The lateral join yields one all-null row when nothing matches: that row carries only the summary.
    if (r.product === null || r.total === null) continue;
    out.push({
      resourceId: r.resource_id,
      alias: r.alias,
      project: r.project,
      region: r.region,
      product: r.product,
      total: r.total,
      count: num(r.count),
      quantity: num(r.quantity),
    });
  }
  return { summary, rows: out };
}
