import { type BillingLabel, parseMoney } from '@idv/billing';
import { billingLabels, type DbOrTx, packTiers } from '@idv/db';
import { asc } from 'drizzle-orm';

const cache = new WeakMap<object, Promise<Map<string, BillingLabel>>>();

/**
 * The cache key of a handle: a Drizzle database and every transaction opened on it share one dialect
 * object, so a use case that asks from inside its transaction (an order, a refund, a delivery) gets
 * the catalog its database already read instead of reading it again (issue 15).
 */
const keyOf = (db: DbOrTx): object => (db as unknown as { dialect?: object }).dialect ?? db;

/**
 * The catalog (R1.1) is read once per database and process, then held in memory. It only changes
 * with a deployment: the migrations and `seedCatalog` (server start) are its only writers, and no
 * endpoint edits it. Invalidation across instances is therefore the deployment itself: every instance
 * of a release starts, reads the catalog once and keeps it; during a rolling deployment that changes
 * the catalog, instances of the old release keep the old catalog until they are stopped, as they keep
 * the old code (docs/performance.md, issue 15). A failed read is not kept.
 */
export function catalogMap(db: DbOrTx): Promise<Map<string, BillingLabel>> {
  const key = keyOf(db);
  let p = cache.get(key);
  if (!p) {
    p = readCatalog(db);
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

async function readCatalog(db: DbOrTx): Promise<Map<string, BillingLabel>> {
  const labels = await db.select().from(billingLabels).orderBy(asc(billingLabels.sort));
  const tiers = await db.select().from(packTiers).orderBy(asc(packTiers.size));
  const map = new Map<string, BillingLabel>();
  for (const l of labels) {
    map.set(l.code, {
      code: l.code,
      product: l.product,
      nameZh: l.nameZh,
      nameEn: l.nameEn,
      unitPrice: parseMoney(l.unitPrice),
      tiers: tiers.filter((t) => t.label === l.code).map((t) => ({ size: t.size, price: parseMoney(t.price) })),
      trialCalls: l.trialCalls,
      trialRule: l.trialRule,
    });
  }
  return map;
}
