import { type BillingLabel, parseMoney } from '@idv/billing';
import { billingLabels, type DbOrTx, packTiers } from '@idv/db';
import { asc } from 'drizzle-orm';

const cache = new WeakMap<object, Promise<Map<string, BillingLabel>>>();

/** The catalog (R1.1) only changes with a migration or seed, so it is read once per database. */
export function catalogMap(db: DbOrTx): Promise<Map<string, BillingLabel>> {
  let p = cache.get(db);
  if (!p) {
    p = readCatalog(db);
    cache.set(db, p);
    p.catch(() => cache.delete(db));
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
