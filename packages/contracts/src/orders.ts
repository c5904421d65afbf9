import { z } from 'zod';
import { ListQuery, MoneyString, Timestamp } from './common.ts';
import { Pack } from './packs.ts';

/**
 * R3.3 Buying packs: a label, one of its tiers (by size) and a quantity; optionally a voucher
 * (R2.2). Send an `Idempotency-Key` header (api.md): a retry with the same key and body returns the
 * first answer.
 */
export const PlaceOrderBody = z
  .object({
    label: z.string().min(1).max(100),
    size: z.number().int().positive(),
    quantity: z.number().int().min(1).max(100),
    voucherId: z.string().min(1).max(100).optional(),
  })
  .strict();
export type PlaceOrderBody = z.infer<typeof PlaceOrderBody>;

/** R2.3 What the order took from the voucher and each balance; the parts add up to `amount`. */
export const OrderPaid = z.object({ voucher: MoneyString, gift: MoneyString, income: MoneyString, cash: MoneyString });

export const OrderSummary = z.object({
  id: z.string(),
  label: z.string(),
  labelNameZh: z.string(),
  labelNameEn: z.string(),
  product: z.string(),
  size: z.number().int(),
  quantity: z.number().int(),
  tierPrice: MoneyString,
  amount: MoneyString,
  paid: OrderPaid,
  voucherId: z.string().nullable(),
  /** R10.2 'auto_topup' for an order placed by an auto top-up rule, else 'manual'. */
  trigger: z.enum(['manual', 'auto_topup']),
  createdAt: Timestamp,
});
export type OrderSummary = z.infer<typeof OrderSummary>;

/** An order with its delivered packs (the answer to POST /orders and GET /orders/:id). */
export const Order = OrderSummary.extend({ packs: z.array(Pack) });
export type Order = z.infer<typeof Order>;

export const OrdersQuery = ListQuery;
export const OrderIdParam = z.object({ id: z.string().min(1).max(100) });
