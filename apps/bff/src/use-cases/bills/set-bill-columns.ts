import type { BillColumns, BillColumnsBody } from '@idv/contracts';
import type { Deps } from '../../deps.ts';
import { setUserPreference } from '../../repositories/user-preferences.ts';
import { BILL_COLUMNS_KEY, getBillColumns } from './get-bill-columns.ts';

/** R5.5: remembers the user's visible columns and their order (validated by BillColumnsBody). */
export async function setBillColumns(deps: Deps, userId: string, body: BillColumnsBody): Promise<BillColumns> {
  await setUserPreference(deps.db, userId, BILL_COLUMNS_KEY, JSON.stringify(body.columns));
  return getBillColumns(deps, userId);
}
