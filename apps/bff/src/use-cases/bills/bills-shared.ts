import { formatAmount, formatPrice, isCentExact, type Money, parseMoney } from '@idv/billing';
import type { BillFilters } from '@idv/contracts';
import type { DbOrTx } from '@idv/db';
import { type ResolvedBillFilter, resolveResourceIds } from '../../repositories/bills/filters.ts';

/** The alias shown for purchases and refunds, which belong to no resource (R5.5, decision 0004). */
export const ACCOUNT_WIDE_ALIAS = '(account-wide)';

/**
 * Money from a NUMERIC sum: amounts are whole cents (R5.1 rounds each line), shown with 2 decimals
 * by formatAmount; should a row ever carry sub-cent precision it is shown exactly (up to 4
 * decimals) rather than rounded, so that the bill still adds up.
 */
export function presentMoney(m: Money | string): string {
  const v = typeof m === 'string' ? parseMoney(m) : m;
  return isCentExact(v) ? formatAmount(v) : formatPrice(v);
}

/** Resolves project/region/q to resource ids of this account only (another account's never match). */
export async function resolveBillFilter(db: DbOrTx, accountId: string, f: BillFilters): Promise<ResolvedBillFilter> {
  return {
    month: f.month,
    product: f.product,
    billingMode: f.billingMode,
    transactionType: f.transactionType,
    resourceIds: await resolveResourceIds(db, accountId, f),
  };
}

/** True when a resource filter matched no resource: nothing can match, skip the queries. */
export const matchesNothing = (f: ResolvedBillFilter) => f.resourceIds !== null && f.resourceIds.length === 0;

/** Last calendar day of a 'YYYY-MM' month. */
export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map((p) => Number.parseInt(p, 10));
  const last = new Date(Date.UTC(y ?? 1970, m ?? 1, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}
