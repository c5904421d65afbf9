import type { BillingMode, TransactionType } from '@idv/contracts';

export const BILLING_MODES: readonly BillingMode[] = ['prepaid', 'postpaid'];
export const TRANSACTION_TYPES: readonly TransactionType[] = [
  'purchase',
  'refund',
  'daily_settlement',
  'monthly_settlement',
  'pack_deduction',
];
export const DEFAULT_LIMIT = 50;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The state of both bills (R5.5), all of it in the URL: the month, the filters, the page.
 * `month` is undefined when the URL has none: the page then shows the current CST month.
 */
export interface BillSearch {
  month: string | undefined;
  product: string | undefined;
  project: string | undefined;
  region: string | undefined;
  billingMode: BillingMode | undefined;
  transactionType: TransactionType | undefined;
  q: string | undefined;
  cursor: string | undefined;
  limit: number;
}

export type BillFilterKey = 'product' | 'project' | 'region' | 'billingMode' | 'transactionType' | 'q';
export const FILTER_KEYS: readonly BillFilterKey[] = [
  'product',
  'project',
  'region',
  'billingMode',
  'transactionType',
  'q',
];

function oneOf<T extends string>(list: readonly T[], v: string | null): T | undefined {
  return v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined;
}

function text(v: string | null, max: number): string | undefined {
  const s = v?.trim();
  return s && s.length <= max ? s : undefined;
}

export function isMonth(v: string | null | undefined): v is string {
  return typeof v === 'string' && MONTH.test(v);
}

/** Reads the URL; unknown or malformed values are dropped rather than sent to the API. */
export function parseBillSearch(params: URLSearchParams): BillSearch {
  const month = params.get('month');
  const limitRaw = Number.parseInt(params.get('limit') ?? '', 10);
  return {
    month: isMonth(month) ? month : undefined,
    product: text(params.get('product'), 50),
    project: text(params.get('project'), 100),
    region: text(params.get('region'), 50),
    billingMode: oneOf(BILLING_MODES, params.get('billingMode')),
    transactionType: oneOf(TRANSACTION_TYPES, params.get('transactionType')),
    q: text(params.get('q'), 100),
    cursor: text(params.get('cursor'), 200),
    limit: Number.isFinite(limitRaw) && limitRaw >= 1 && limitRaw <= 200 ? limitRaw : DEFAULT_LIMIT,
  };
}

/** Writes the state back in a fixed order, leaving out empty values and defaults. */
export function toBillSearchParams(s: Partial<BillSearch>): URLSearchParams {
  const p = new URLSearchParams();
  if (s.month) p.set('month', s.month);
  for (const k of FILTER_KEYS) {
    const v = s[k];
    if (v) p.set(k, v);
  }
  if (s.limit && s.limit !== DEFAULT_LIMIT) p.set('limit', String(s.limit));
  if (s.cursor) p.set('cursor', s.cursor);
  return p;
}

export function hasBillFilters(s: BillSearch): boolean {
  return FILTER_KEYS.some((k) => Boolean(s[k]));
}

/** The API query of a bill list for a resolved month (filters, page; empty values left out by the client). */
export function billQuery(s: BillSearch, month: string) {
  return {
    month,
    product: s.product,
    project: s.project,
    region: s.region,
    billingMode: s.billingMode,
    transactionType: s.transactionType,
    q: s.q,
  };
}

/** `2026-11-23T03:06:38+08:00` → `2026-11` (the CST month of a server time). */
export function cstMonthOf(iso: string): string | undefined {
  const m = /^(\d{4}-\d{2})-\d{2}T[^Z+-]*\+08:00$/.exec(iso);
  if (m) return m[1];
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** `2026-01` and -1 → `2025-12`. Months are plain calendar arithmetic, no time zone involved. */
export function addMonths(month: string, delta: number): string {
  const y = Number.parseInt(month.slice(0, 4), 10);
  const m = Number.parseInt(month.slice(5, 7), 10) - 1 + delta;
  const year = y + Math.floor(m / 12);
  const mon = ((m % 12) + 12) % 12;
  return `${String(year).padStart(4, '0')}-${String(mon + 1).padStart(2, '0')}`;
}
