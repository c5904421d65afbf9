/** The buy page's URL state: `/buy?label=…&size=…&quantity=…&voucher=…` (a planner can link here). */
export interface BuySearch {
  label?: string;
  size?: number;
  quantity: number;
  voucher?: string;
}

export const MAX_QUANTITY = 100;

function posInt(v: string | null): number | undefined {
  if (v === null || !/^\d{1,9}$/.test(v)) return undefined;
  const n = Number.parseInt(v, 10);
  return n > 0 ? n : undefined;
}

export function parseBuySearch(params: URLSearchParams): BuySearch {
  const label = params.get('label')?.trim() || undefined;
  const q = posInt(params.get('quantity'));
  return {
    label: label && label.length <= 100 ? label : undefined,
    size: posInt(params.get('size')),
    quantity: q === undefined ? 1 : Math.min(q, MAX_QUANTITY),
    voucher: params.get('voucher')?.trim() || undefined,
  };
}

/** Written back without defaults so links stay short. */
export function toBuySearchParams(s: BuySearch): URLSearchParams {
  const p = new URLSearchParams();
  if (s.label) p.set('label', s.label);
  if (s.size) p.set('size', String(s.size));
  if (s.quantity !== 1) p.set('quantity', String(s.quantity));
  if (s.voucher) p.set('voucher', s.voucher);
  return p;
}
