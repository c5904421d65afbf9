import type { CatalogItem } from '@idv/contracts';

/** Groups labels by product, keeping the catalog's order of first appearance. */
export function groupByProduct(items: readonly CatalogItem[]): { product: string; items: CatalogItem[] }[] {
  const groups = new Map<string, CatalogItem[]>();
  for (const it of items) {
    const list = groups.get(it.product);
    if (list) list.push(it);
    else groups.set(it.product, [it]);
  }
  return [...groups].map(([product, list]) => ({ product, items: list }));
}
