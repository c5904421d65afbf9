import { budgetAlerts, budgets, charges, type DbOrTx, rows, usageEvents } from '@idv/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { billSummary } from './bills/overview.ts';

export type BudgetRow = typeof budgets.$inferSelect;
export type BudgetAlertRow = typeof budgetAlerts.$inferSelect;

export async function listBudgetRows(db: DbOrTx, accountId: string): Promise<BudgetRow[]> {
  return db
    .select()
    .from(budgets)
    .where(eq(budgets.accountId, accountId))
    .orderBy(asc(budgets.createdAt), asc(budgets.id));
}

/**
 * Whether the account has any budget (R10.1). Read inside a purchase's or refund's transaction, after
 * its account lock: a budget inserted concurrently takes a KEY SHARE lock on the account row (its
 * foreign key), so it either committed before that lock (and is seen here) or commits after the
 * purchase, and its own evaluation then counts the purchase. No budget: nothing to evaluate afterwards.
 */
export async function budgetsExist(db: DbOrTx, accountId: string): Promise<boolean> {
  const [r] = await db.select({ id: budgets.id }).from(budgets).where(eq(budgets.accountId, accountId)).limit(1);
  return r !== undefined;
}

export async function getBudgetRow(db: DbOrTx, accountId: string, id: string): Promise<BudgetRow | null> {
  const [b] = await db
    .select()
    .from(budgets)
    .where(and(eq(budgets.accountId, accountId), eq(budgets.id, id)));
  return b ?? null;
}

export async function insertBudget(db: DbOrTx, row: typeof budgets.$inferInsert): Promise<BudgetRow> {
  const [b] = await db.insert(budgets).values(row).returning();
  if (!b) throw new Error('budget insert returned nothing');
  return b;
}

export async function updateBudget(
  db: DbOrTx,
  accountId: string,
  id: string,
  set: Partial<Pick<BudgetRow, 'name' | 'amount' | 'thresholds'>>,
): Promise<BudgetRow | null> {
  const [b] = await db
    .update(budgets)
    .set(set)
    .where(and(eq(budgets.accountId, accountId), eq(budgets.id, id)))
    .returning();
  return b ?? null;
}

export async function deleteBudget(db: DbOrTx, accountId: string, id: string): Promise<boolean> {
  const r = await db
    .delete(budgets)
    .where(and(eq(budgets.accountId, accountId), eq(budgets.id, id)))
    .returning({ id: budgets.id });
  return r.length === 1;
}

export async function alertsOf(db: DbOrTx, budgetIds: readonly string[], month: string): Promise<BudgetAlertRow[]> {
  if (budgetIds.length === 0) return [];
  return db
    .select()
    .from(budgetAlerts)
    .where(and(inArray(budgetAlerts.budgetId, [...budgetIds]), eq(budgetAlerts.month, month)))
    .orderBy(asc(budgetAlerts.at), asc(budgetAlerts.threshold));
}

/** R10.1 Records an alert once per budget, month, threshold and kind; true when this call recorded it. */
export async function recordBudgetAlert(db: DbOrTx, row: BudgetAlertRow): Promise<boolean> {
  const r = await db.insert(budgetAlerts).values(row).onConflictDoNothing().returning({ id: budgetAlerts.budgetId });
  return r.length === 1;
}

export interface BudgetScope {
  product: string | null;
  label: string | null;
}

/**
 * R10.1 A budget's spent: the month's bill total in its scope. The account and product scopes ARE the
 * bill overview's figure (billSummary over the same aggregate, the same predicate); the label scope,
 * a dimension the aggregates do not carry, sums the itemized rows of the label, which add up exactly
 * to the overview (R5.5: itemized → resource-ID bill → overview).
 */
export async function scopedSpent(db: DbOrTx, accountId: string, month: string, scope: BudgetScope): Promise<string> {
  if (scope.label === null) {
    const s = await billSummary(db, accountId, { month, product: scope.product ?? undefined, resourceIds: null });
    return s.total;
  }
  const [r] = await rows<{ total: string }>(
    db,
    sql`select coalesce(sum(${charges.amount}), 0)::numeric(24,4)::text as total from ${charges}
        where ${charges.accountId} = ${accountId} and ${charges.month} = ${month} and ${charges.label} = ${scope.label}`,
  );
  return r?.total ?? '0';
}

/** The month's charges in the scope per CST day of the charge (the burn chart), days without charges absent. */
export async function scopedSpentByDay(
  db: DbOrTx,
  accountId: string,
  month: string,
  scope: BudgetScope,
): Promise<{ day: string; total: string }[]> {
  const filter = scope.label
    ? sql` and ${charges.label} = ${scope.label}`
    : scope.product
      ? sql` and ${charges.product} = ${scope.product}`
      : sql``;
  return rows<{ day: string; total: string }>(
    db,
    sql`select to_char((${charges.occurredAt} at time zone 'UTC') + interval '8 hours', 'YYYY-MM-DD') as day,
               sum(${charges.amount})::numeric(24,4)::text as total
          from ${charges}
         where ${charges.accountId} = ${accountId} and ${charges.month} = ${month}${filter}
         group by 1 order by 1`,
  );
}

/** Labels with billable calls on or after `from` (the labels a forecast has anything to project for). */
export async function labelsUsedSince(db: DbOrTx, accountId: string, from: string): Promise<string[]> {
  const r = await rows<{ label: string }>(
    db,
    sql`select distinct ${usageEvents.label} as label from ${usageEvents}
         where ${usageEvents.accountId} = ${accountId} and ${usageEvents.day} >= ${from}
           and ${usageEvents.outcome} in ('pack', 'postpaid')`,
  );
  return r.map((x) => x.label);
}

/** Postpaid calls of a label in the CST days [from, to] (not settled yet: still to be charged). */
export async function postpaidCallsBetween(
  db: DbOrTx,
  accountId: string,
  label: string,
  from: string,
  to: string,
): Promise<number> {
  if (from > to) return 0;
  const [r] = await rows<{ n: string | number }>(
    db,
    sql`select count(*) as n from ${usageEvents}
         where ${usageEvents.accountId} = ${accountId} and ${usageEvents.outcome} = 'postpaid'
           and ${usageEvents.day} between ${from} and ${to} and ${usageEvents.label} = ${label}`,
  );
  return Number.parseInt(String(r?.n ?? 0), 10);
}
