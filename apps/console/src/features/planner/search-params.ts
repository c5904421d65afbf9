/**
 * The planner's URL state: `/planner?label=…&calls=…`, `/planner?label=…&months=1000,2000`, or
 * `/planner?label=…&source=history[&horizon=N]` (the forecast made from the account's last 30 days,
 * N = 1–12 months ahead, 12 when absent).
 */
export interface PlannerSearch {
  label?: string;
  calls?: number;
  months?: number[];
  source?: 'history';
  /** Months ahead with source=history (1–12); absent means the default, 12. */
  horizon?: number;
}

export const MAX_CALLS = 100_000_000;
export const MAX_MONTH_CALLS = 10_000_000;
export const MAX_MONTHS = 24;
/** source=history: months ahead (the API's horizonMonths, 1–12, default 12). */
export const MAX_HORIZON = 12;
export const DEFAULT_HORIZON = 12;

/** A horizon from the URL: a whole number 1–12, else undefined (the default applies). */
export function parseHorizon(text: string | null): number | undefined {
  if (text === null || !/^\d{1,2}$/.test(text.trim())) return undefined;
  const n = Number.parseInt(text.trim(), 10);
  return n >= 1 && n <= MAX_HORIZON ? n : undefined;
}

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

/** Reads the URL. `source=history` wins over calls and months (it is the mode the link asked for); calls win over months. */
export function parsePlannerSearch(params: URLSearchParams): PlannerSearch {
  const rawLabel = params.get('label')?.trim() || undefined;
  const label = rawLabel && rawLabel.length <= 100 ? rawLabel : undefined;
  if (params.get('source') === 'history') {
    const horizon = parseHorizon(params.get('horizon'));
    return horizon === undefined || horizon === DEFAULT_HORIZON
      ? { label, source: 'history' }
      : { label, source: 'history', horizon };
  }
  const calls = params.get('calls');
  const months = params.get('months');
  return {
    label,
    calls: calls !== null ? parseCount(calls, MAX_CALLS) : undefined,
    months: months !== null && calls === null ? parseMonths(months.replace(/,/g, ' ')) : undefined,
  };
}

export function toPlannerSearchParams(s: PlannerSearch): URLSearchParams {
  const p = new URLSearchParams();
  if (s.label) p.set('label', s.label);
  if (s.source === 'history') {
    p.set('source', 'history');
    if (s.horizon !== undefined && s.horizon !== DEFAULT_HORIZON) p.set('horizon', String(s.horizon));
  } else if (s.months !== undefined) p.set('months', s.months.join(','));
  else if (s.calls !== undefined) p.set('calls', String(s.calls));
  return p;
}

/** The planner in "from my usage" mode for a label (the link from a pack's forecast). */
export function historyPlanHref(label: string, horizon?: number): string {
  return `/planner?${toPlannerSearchParams({ label, source: 'history', horizon }).toString()}`;
}

/** The `/buy` pre-fill for one tier (the buy page reads label, size and quantity). */
export function buyHref(label: string, size: number, quantity: number): string {
  const p = new URLSearchParams({ label, size: String(size) });
  if (quantity !== 1) p.set('quantity', String(quantity));
  return `/buy?${p.toString()}`;
}
