import type { Deps } from '../../deps.ts';
import { presentCatalogItem } from '../../presenters.ts';
import { catalogMap } from '../../repositories/catalog.ts';

export async function getCatalog(deps: Deps) {
  const labels = await catalogMap(deps.db);
  return { items: [...labels.values()].map(presentCatalogItem) };
}
