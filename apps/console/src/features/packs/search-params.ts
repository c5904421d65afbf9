import type { Pack, PacksQuery } from '@idv/contracts';

export type PackSource = Pack['source'];
export type PackStatus = Pack['status'];
export type PackSort = PacksQuery['sort'];

export const PACK_SOURCES: readonly PackSource[] = ['purchase', 'gift'];
export const PACK_STATUSES: readonly PackStatus[] = ['active', 'exhausted', 'expired', 'refunded'];
export const PACK_SORTS: readonly PackSort[] = ['activeFirst', 'expiresAt', '-expiresAt'];
/** Issue 17: the list opens on the packs in use (active first, then by expiry), not on expired ones. */
export const DEFAULT_SORT: PackSort = 'activeFirst';
export const DEFAULT_LIMIT = 20;

/** The pack list's state, all of it in the URL (R3.5: filter by label, source, status; sort by expiry). */
export interface PackListSearch {
  label: string | undefined;
  source: PackSource | undefined;
  status: PackStatus | undefined;
  sort: PackSort;
  cursor: string | undefined;
  limit: number;
}

function oneOf<T extends string>(list: readonly T[], v: string | null): T | undefined {
  return v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined;
}

/** Reads the URL; unknown or malformed values are ignored rather than sent to the API. */
export function parsePackListSearch(params: URLSearchParams): PackListSearch {
  const label = params.get('label')?.trim();
  const cursor = params.get('cursor')?.trim();
  const limitRaw = Number.parseInt(params.get('limit') ?? '', 10);
  return {
    label: label && /^[a-z0-9._-]{1,100}$/i.test(label) ? label : undefined,
    source: oneOf(PACK_SOURCES, params.get('source')),
    status: oneOf(PACK_STATUSES, params.get('status')),
    sort: oneOf(PACK_SORTS, params.get('sort')) ?? DEFAULT_SORT,
    cursor: cursor && cursor.length <= 200 ? cursor : undefined,
    limit: Number.isFinite(limitRaw) && limitRaw >= 1 && limitRaw <= 200 ? limitRaw : DEFAULT_LIMIT,
  };
}

/** Writes the state back, leaving defaults out so URLs stay short and canonical. */
export function toSearchParams(s: PackListSearch): URLSearchParams {
  const p = new URLSearchParams();
  if (s.label) p.set('label', s.label);
  if (s.source) p.set('source', s.source);
  if (s.status) p.set('status', s.status);
  if (s.sort !== DEFAULT_SORT) p.set('sort', s.sort);
  if (s.limit !== DEFAULT_LIMIT) p.set('limit', String(s.limit));
  if (s.cursor) p.set('cursor', s.cursor);
  return p;
}

export function hasFilters(s: PackListSearch): boolean {
  return Boolean(s.label || s.source || s.status);
}
