/** The planner's URL state: `/planner?label=…&calls=…` or `/planner?label=…&months=1000,2000`. */
export interface PlannerSearch {
  label?: string;
  calls?: number;
  months?: number[];
}

export const MAX_CALLS = 100_000_000;
export const MAX_MONTH_CALLS = 10_000_000;
export const MAX_MONTHS = 24;

/** A whole number in [0, max] from user text ("300,000" and "300000" both read as 300000). */
export function parseCount(text: string, max: number): number | undefined {
  const s = text.replace(/[\s,，_]/g, '');
  if (!/^\d{1,9}$/.test(s)) return undefined;
  const n = Number.parseInt(s, 10);
  return n <= max ? n : undefined;
}

/** "10000, 12,000; 15000" → [10000, 12000, 15000]; separators: comma, semicolon, whitespace, 、. */
export function parseMonths(text: string): number[] | undefined {
  const parts = text
    .split(/[;；、\s]+|,(?!\d{3}(?:\D|$))|，/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0 || parts.length > MAX_MONTHS) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    const n = parseCount(p, MAX_MONTH_CALLS);
    if (n === undefined) return undefined;
    out.push(n);
  }
  return out;
}

export function parsePlannerSearch(params: URLSearchParams): PlannerSearch {
  const label = params.get('label')?.trim() || undefined;
  const calls = params.get('calls');
  const months = params.get('months');
  return {
    label: label && label.length <= 100 ? label : undefined,
    calls: calls !== null ? parseCount(calls, MAX_CALLS) : undefined,
    months: months !== null && calls === null ? parseMonths(months.replace(/,/g, ' ')) : undefined,
  };
}

export function toPlannerSearchParams(s: PlannerSearch): URLSearchParams {
  const p = new URLSearchParams();
  if (s.label) p.set('label', s.label);
  if (s.months !== undefined) p.set('months', s.months.join(','));
  else if (s.calls !== undefined) p.set('calls', String(s.calls));
  return p;
}

/** The `/buy` pre-fill for one tier (the buy page reads label, size and quantity). */
export function buyHref(label: string, size: number, quantity: number): string {
  const p = new URLSearchParams({ label, size: String(size) });
  if (quantity !== 1) p.set('quantity', String(quantity));
  return `/buy?${p.toString()}`;
}
