import { z } from 'zod';
import { MoneyString } from './common.ts';

export const Tier = z.object({
  size: z.number().int(),
  price: MoneyString,
  perCall: MoneyString,
  saving: MoneyString,
  savingPercent: z.string(),
});
export const CatalogItem = z.object({
  code: z.string(),
  product: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unitPrice: MoneyString,
  tiers: z.array(Tier),
});
export type CatalogItem = z.infer<typeof CatalogItem>;
export const Catalog = z.object({ items: z.array(CatalogItem) });
