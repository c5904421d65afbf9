import { charges, type DbOrTx, resources } from '@idv/db';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { afterCursor, dimWhere, type ItemCursor, occurredAtUs, type ResolvedBillFilter } from './filters.ts';

/** R5.5 The itemized bill: one page of charges, newest first, keyset on (occurred_at desc, id desc). */

export type BillItemRow = Awaited<ReturnType<typeof listBillItems>>[number];

/** Up to this many resources, a resource-filtered page walks each resource's index range (below). */
const PER_RESOURCE_WALK_MAX = 100;

/**
 * The ids of one page of a filter on several resources (project, region, q): the first `limit` rows
 * of each resource after the cursor, each one backward range scan of charges_bill_resource_idx,
 * merged by (occurred_at desc, id desc). The first `limit` of the merge are exactly the page, at
 * most resources × limit index entries however deep the cursor or however rare the resources
 * (walking the month's time index and filtering would read rows until `limit` of them match).
 */
function perResourcePage(accountId: string, f: ResolvedBillFilter, after: ItemCursor | undefined, limit: number): SQL {
  const ids = sql.join(
    (f.resourceIds ?? []).map((id) => sql`${id}`),
    sql`, `,
  );
  const dims: SQL[] = [];
  if (f.product) dims.push(sql` and c.product = ${f.product}`);
  if (f.billingMode) dims.push(sql` and c.billing_mode = ${f.billingMode}`);
  if (f.transactionType) dims.push(sql` and c.transaction_type = ${f.transactionType}`);
  const cursor = after
    ? sql` and (c.occurred_at, c.id) < ((${after.at}::timestamp at time zone 'UTC'), ${after.id.toString()}::bigint)`
    : sql``;
  return sql`${charges.id} in (
    select w.id from unnest(array[${ids}]::text[]) as r(resource_id)
     cross join lateral (
       select c.id, c.occurred_at from ${charges} c
        where c.account_id = ${accountId} and c.month = ${f.month} and c.resource_id = r.resource_id${sql.join(dims)}${cursor}
        order by c.occurred_at desc, c.id desc limit ${limit}
     ) w
     order by w.occurred_at desc, w.id desc limit ${limit})`;
}

export async function listBillItems(
  db: DbOrTx,
  accountId: string,
  f: ResolvedBillFilter,
  after: ItemCursor | undefined,
  limit: number,
) {
  return db
    .select({
      id: charges.id,
      occurredAt: charges.occurredAt,
      cursorAt: occurredAtUs,
      month: charges.month,
      resourceId: charges.resourceId,
      alias: resources.alias,
      project: resources.project,
      region: resources.region,
      product: charges.product,
      label: charges.label,
      billingMode: charges.billingMode,
      transactionType: charges.transactionType,
      unitPrice: charges.unitPrice,
      quantity: charges.quantity,
      amount: charges.amount,
      paidCash: charges.paidCash,
      paidIncome: charges.paidIncome,
      paidGift: charges.paidGift,
      paidVoucher: charges.paidVoucher,
      orderId: charges.orderId,
      packId: charges.packId,
      settlementId: charges.settlementId,
    })
    .from(charges)
    .leftJoin(resources, and(eq(resources.id, charges.resourceId), eq(resources.accountId, charges.accountId)))
    .where(
      and(
        ...dimWhere(charges, accountId, f),
        eq(charges.month, f.month),
        ...afterCursor(after),
        ...(f.resourceIds && f.resourceIds.length > 1 && f.resourceIds.length <= PER_RESOURCE_WALK_MAX
          ? [perResourcePage(accountId, f, after, limit)]
          : []),
      ),
    )
    .orderBy(desc(charges.occurredAt), desc(charges.id))
    .limit(limit);
}
