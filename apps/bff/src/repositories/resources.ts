import { type DbOrTx, resources } from '@idv/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';

export type ResourceRow = typeof resources.$inferSelect;

/**
 * Keyset page in (createdAt, id) order: stable under inserts (api.md lists). The timestamp is
 * compared at millisecond precision, the precision of the cursor (PostgreSQL keeps microseconds).
 */
export async function listResources(
  db: DbOrTx,
  accountId: string,
  page: { after?: { createdAt: Date; id: string } | undefined; limit: number },
): Promise<ResourceRow[]> {
  const createdMs = sql`date_trunc('milliseconds', ${resources.createdAt})`;
  const where = [eq(resources.accountId, accountId)];
  if (page.after) {
    const at = page.after.createdAt.toISOString();
    where.push(sql`(${createdMs}, ${resources.id}) > (${at}::timestamptz, ${page.after.id})`);
  }
  return db
    .select()
    .from(resources)
    .where(and(...where))
    .orderBy(asc(createdMs), asc(resources.id))
    .limit(page.limit);
}

export async function insertResource(
  db: DbOrTx,
  r: { id: string; accountId: string; alias: string; project: string; region: string; at: Date },
): Promise<ResourceRow> {
  const [row] = await db
    .insert(resources)
    .values({ id: r.id, accountId: r.accountId, alias: r.alias, project: r.project, region: r.region, createdAt: r.at })
    .returning();
  if (!row) throw new Error('resource insert returned nothing');
  return row;
}

/** Which of `ids` are resources of this account (R4.6 UNKNOWN_RESOURCE otherwise). */
export async function knownResourceIds(db: DbOrTx, accountId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const found = await db
    .select({ id: resources.id })
    .from(resources)
    .where(and(eq(resources.accountId, accountId), inArray(resources.id, [...ids])));
  return new Set(found.map((r) => r.id));
}
