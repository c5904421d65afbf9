import { type BillColumnId, BillColumnIds, type BillColumns } from '@idv/contracts';
import type { Deps } from '../../deps.ts';
import { getUserPreference } from '../../repositories/user-preferences.ts';

export const BILL_COLUMNS_KEY = 'bill-columns';
const known = new Set<string>(BillColumnIds);

/**
 * R5.5 column chooser: the visible itemized-bill columns, in order, stored per user (not per
 * account: two people of one account choose differently). Unknown ids in a stored value (a column
 * removed since) are dropped; nothing stored means every column in the default order.
 */
export async function getBillColumns(deps: Deps, userId: string): Promise<BillColumns> {
  const raw = await getUserPreference(deps.db, userId, BILL_COLUMNS_KEY);
  let columns: BillColumnId[] | null = null;
  if (raw) {
    try {
      const v = JSON.parse(raw) as unknown;
      if (Array.isArray(v)) {
        columns = v.filter((c): c is BillColumnId => typeof c === 'string' && known.has(c));
      }
    } catch {
      columns = null;
    }
  }
  const isDefault = columns === null || columns.length === 0;
  return { columns: isDefault || !columns ? [...BillColumnIds] : columns, available: [...BillColumnIds], isDefault };
}
