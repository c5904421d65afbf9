import type { BillColumnId } from '@idv/contracts';
import { BILL_COLUMN_IDS, NUMERIC_BILL_COLUMN_IDS } from '@idv/contracts/bill-columns';

/** The numeric (right-aligned) columns of the itemized bill, in their default order. */
export const NUMERIC_COLUMN_IDS = NUMERIC_BILL_COLUMN_IDS satisfies readonly BillColumnId[];

/** Every column of the itemized bill in the default order (the contract's list, from its zod-free module). */
export const ALL_COLUMNS = BILL_COLUMN_IDS satisfies readonly BillColumnId[];

/** One row of the column chooser: every column in the chosen order, the hidden ones after the visible. */
export interface ColumnChoice {
  id: BillColumnId;
  visible: boolean;
}

function isColumn(v: string): v is BillColumnId {
  return (ALL_COLUMNS as readonly string[]).includes(v);
}

/** Keeps known, distinct columns in their order; falls back to every column when nothing is left. */
export function normalizeColumns(columns: readonly string[]): BillColumnId[] {
  const seen = new Set<BillColumnId>();
  for (const c of columns) if (isColumn(c)) seen.add(c);
  return seen.size > 0 ? [...seen] : [...ALL_COLUMNS];
}

/** The chooser's rows for the saved visible columns: visible ones in order, then the hidden in default order. */
export function toChoices(visible: readonly string[]): ColumnChoice[] {
  const shown = normalizeColumns(visible);
  const hidden = ALL_COLUMNS.filter((c) => !shown.includes(c));
  return [...shown.map((id) => ({ id, visible: true })), ...hidden.map((id) => ({ id, visible: false }))];
}

/** The visible columns, in order: what PUT /preferences/bill-columns takes. */
export function fromChoices(choices: readonly ColumnChoice[]): BillColumnId[] {
  return choices.filter((c) => c.visible).map((c) => c.id);
}

/** Moves row `index` one place up (-1) or down (+1); out-of-range moves change nothing. */
export function moveChoice(choices: readonly ColumnChoice[], index: number, delta: -1 | 1): ColumnChoice[] {
  const to = index + delta;
  if (index < 0 || index >= choices.length || to < 0 || to >= choices.length) return [...choices];
  const next = [...choices];
  const [item] = next.splice(index, 1);
  if (item) next.splice(to, 0, item);
  return next;
}

/** Shows or hides one column; the last visible column cannot be hidden (the server needs at least one). */
export function toggleChoice(choices: readonly ColumnChoice[], id: BillColumnId): ColumnChoice[] {
  const visibleCount = choices.filter((c) => c.visible).length;
  return choices.map((c) => {
    if (c.id !== id) return c;
    if (c.visible && visibleCount <= 1) return c;
    return { ...c, visible: !c.visible };
  });
}

export function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}
