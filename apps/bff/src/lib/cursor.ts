import { AppError } from '../errors.ts';

/** Opaque keyset cursors: the sort key of the last row, so pages are stable under inserts. */
export function encodeCursor(parts: (string | number | bigint)[]): string {
  return Buffer.from(parts.map(String).join('|'), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): string[] {
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (parts.length !== arity || parts.some((p) => p.length === 0)) {
    throw new AppError('INVALID_REQUEST', 400, 'The cursor is not valid.', {
      errors: [{ path: 'cursor', message: 'invalid cursor' }],
    });
  }
  return parts;
}
