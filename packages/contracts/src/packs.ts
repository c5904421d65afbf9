import { z } from 'zod';
import { DateString, ListQuery, MoneyString, Timestamp } from './common.ts';

export const PackSource = z.enum(['purchase', 'gift']);
export const PackStatus = z.enum(['active', 'exhausted', 'expired', 'refunded']);
export const RefundBlockReason = z.enum([
  'ALREADY_REFUNDED',
  'NOT_REFUNDABLE_GIFT',
  'ACCOUNT_VIOLATION',
  'CAMPAIGN_EXCLUDED',
  'REFUND_REFUSED',
  'PACK_PARTIALLY_USED',
  'REFUND_WINDOW_CLOSED',
]);

export const Pack = z.object({
  id: z.string(),
  label: z.string(),
  labelNameZh: z.string(),
  labelNameEn: z.string(),
  product: z.string(),
  source: PackSource,
  total: z.number().int(),
  used: z.number().int(),
  remaining: z.number().int(),
  usedPercent: z.string(),
  acquiredAt: Timestamp,
  expiresAt: Timestamp,
  status: PackStatus,
  orderId: z.string().nullable(),
  refund: z.object({
    eligible: z.boolean(),
    reason: RefundBlockReason.nullable(),
    reasonText: z.string().nullable(),
    deadline: Timestamp.nullable(),
    amount: MoneyString.nullable(),
    split: z.object({ cash: MoneyString, income: MoneyString, gift: MoneyString }).nullable(),
  }),
});
export type Pack = z.infer<typeof Pack>;

/**
 * `activeFirst` (issue 17, added): active packs first, then the others, each by expiry; the console's
 * default, so a customer does not open the list on expired packs. The API default stays `expiresAt`.
 */
export const PackSort = z.enum(['expiresAt', '-expiresAt', 'activeFirst']);
export const PacksQuery = ListQuery.extend({
  label: z.string().max(100).optional(),
  source: PackSource.optional(),
  status: PackStatus.optional(),
  sort: PackSort.default('expiresAt'),
});
export type PacksQuery = z.infer<typeof PacksQuery>;

export const PackIdParam = z.object({ id: z.string().regex(/^\d{1,18}$/, 'must be a pack id') });

export const UsageQuery = z.object({ from: DateString.optional(), to: DateString.optional() });
export const DailyUsage = z.object({ items: z.array(z.object({ date: DateString, calls: z.number().int() })) });
