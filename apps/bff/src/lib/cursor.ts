import { AppError } from '../errors.ts';

/** Opaque keyset cursors: the sort key of the last row, so pages are stable under inserts. */
export function encodeCursor(parts: (string | number | bigint)[]): string {
  return Buffer.from(parts.map(String).join('|'), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): string[] {
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (parts.length !== arity || parts.some((p) => p.length === 0)) throw invalidCursor();
  return parts;
}

/** Opaque keyset cursors as base64url JSON, for sort keys that may hold any character (resource ids, products). */
export function encodeJsonCursor(parts: string[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

/** Matches any text: a cursor part that only has to be a string. */
export const ANY_TEXT = /(?:)/;

/** The parts of a JSON cursor: exactly one string per pattern, each matching it; anything else is a 400. */
export function decodeJsonCursor(cursor: string, patterns: readonly RegExp[]): string[] {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(v) || v.length !== patterns.length) throw invalidCursor();
  const parts = v.map((p, i) => (typeof p === 'string' && patterns[i]?.test(p) ? p : null));
  if (parts.some((p) => p === null)) throw invalidCursor();
  return parts as string[];
}

/** A list request's page: the cursor of the page before (none: the first page) and the page size. */
export interface PageQuery {
  cursor?: string | undefined;
  limit: number;
}

/** A keyset position by creation time: the (created at, id) of the last row of the page before. */
export interface CreatedAtKey {
  createdAt: Date;
  id: string;
}

/**
 * The position a `created-at ms|id` cursor names (none without a cursor). A time that is not digits is a
 * 400, or with `badTime: 'epoch'` reads as 0 (the resources list has always been lenient there).
 */
export function decodeCreatedAtCursor(
  cursor: string | undefined,
  badTime: 'reject' | 'epoch' = 'reject',
): CreatedAtKey | undefined {
  if (!cursor) return undefined;
  const [ms, id] = decodeCursor(cursor, 2);
  const digits = /^\d+$/.test(ms ?? '');
  if (!digits && badTime === 'reject') throw invalidCursor();
  return { createdAt: new Date(Number.parseInt(digits ? (ms ?? '0') : '0', 10)), id: id ?? '' };
}

/**
 * One page of a keyset list from the first `limit + 1` rows: the first `limit`, presented, and the
 * cursor of the last of them when more rows follow.
 */
export function keysetPage<T, R>(
  rows: readonly T[],
  limit: number,
  present: (row: T) => R,
  cursorOf: (last: T) => string,
): { items: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => present(r)),
    nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null,
  };
}

/** `keysetPage` of a list sorted by (created at, id), its cursor read back by `decodeCreatedAtCursor`. */
export function createdAtPage<T, R>(
  rows: readonly T[],
  limit: number,
  keyOf: (row: T) => { at: Date; id: string },
  present: (row: T) => R,
): { items: R[]; nextCursor: string | null } {
  return keysetPage(rows, limit, present, (last) => {
    const key = keyOf(last);
    return encodeCursor([key.at.getTime(), key.id]);
  });
}

function invalidCursor(): AppError {
  return new AppError('INVALID_REQUEST', 400, 'The cursor is not valid.', {
    errors: [{ path: 'cursor', message: 'invalid cursor' }],
  });
}
