import { and, type Column, eq, lt, or, type SQL } from 'drizzle-orm';
import type { CreatedAtKey } from '../lib/cursor.ts';

/**
 * The keyset condition of a newest-first list sorted by (`at` desc, `id` desc): the rows after the
 * last one of the page before (`after`, none without a cursor), so pages are stable under inserts.
 */
export function olderThan(at: Column, id: Column, after: CreatedAtKey | undefined): SQL | undefined {
  if (!after) return undefined;
  return or(lt(at, after.createdAt), and(eq(at, after.createdAt), lt(id, after.id)));
}
