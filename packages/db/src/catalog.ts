import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BillingLabel, formatMoney4, parseCatalogTsv } from '@idv/billing';
import type { Db, Tx } from './client.ts';
import * as s from './schema/index.ts';

/**
 * The reference data every database needs (R1.1): the catalog's labels and pack tiers. This package
 * holds only pure data; the demo accounts and their history are made by the BFF's use cases
 * (apps/bff/src/demo/seed.ts), since packages/db must not depend on the BFF.
 */
const catalogPath = resolve(dirname(fileURLToPath(import.meta.url)), '../seed/catalog.tsv');

export function loadCatalog(): BillingLabel[] {
  return parseCatalogTsv(readFileSync(catalogPath, 'utf8'));
}

/** Catalog rows (R1.1) from the shipped copy of shared/data/catalog.tsv. Idempotent. */
export async function seedCatalog(db: Db | Tx): Promise<void> {
  const labels = loadCatalog();
  for (const [i, l] of labels.entries()) {
    await db
      .insert(s.billingLabels)
      .values({
        code: l.code,
        product: l.product,
        nameZh: l.nameZh,
        nameEn: l.nameEn,
        unitPrice: formatMoney4(l.unitPrice),
        trialCalls: l.trialCalls,
        trialRule: l.trialRule,
        sort: i,
      })
      .onConflictDoNothing();
    if (l.tiers.length > 0) {
      await db
        .insert(s.packTiers)
        .values(l.tiers.map((t) => ({ label: l.code, size: t.size, price: formatMoney4(t.price) })))
        .onConflictDoNothing();
    }
  }
}
