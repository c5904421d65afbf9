import { z } from 'zod';
import { ListQuery, MoneyString, Timestamp } from './common.ts';

/** R8.1 Refund one purchased pack. Send an `Idempotency-Key` header (api.md). */
export const RequestRefundBody = z.object({ packId: z.string().regex(/^\d{1,18}$/, 'must be a pack id') }).strict();
export type RequestRefundBody = z.infer<typeof RequestRefundBody>;

/** R8.3 What went back to each balance; the voucher part of the order is never returned. */
export const RefundReturned = z.object({ cash: MoneyString, income: MoneyString, gift: MoneyString });

export const Refund = z.object({
  id: z.string(),
  /** The refunded pack; '' for a certificate refund (kind 'certificate'), which has no pack. */
  packId: z.string(),
  orderId: z.string(),
  label: z.string(),
  amount: MoneyString,
  returned: RefundReturned,
  createdAt: Timestamp,
  /** Added (R8.6): what was refunded, a resource pack or an SSL certificate order. */
  kind: z.enum(['pack', 'certificate']),
  /** Added (R8.6): the refunded certificate order, for kind 'certificate'; null for a pack. */
  certificate: z
    .object({ id: z.string(), domain: z.string(), product: z.string(), benefitPoints: z.number().int() })
    .nullable(),
});
export type Refund = z.infer<typeof Refund>;

export const RefundsQuery = ListQuery;

/** R8.5 A support agent refuses a pack's refund for suspected abuse; the customer sees `reason`. */
export const RefundRefusalBody = z
  .object({
    packId: z.string().regex(/^\d{1,18}$/, 'must be a pack id'),
    reason: z.string().trim().min(3).max(500),
  })
  .strict();
export const RefundRefusal = z.object({
  packId: z.string(),
  accountId: z.string(),
  reason: z.string(),
  refusedAt: Timestamp,
});
export type RefundRefusal = z.infer<typeof RefundRefusal>;

/** R8.2 The account-violation flag (set by staff, distinct from arrears) closes every refund. */
export const AccountViolationBody = z
  .object({ violation: z.boolean(), reason: z.string().trim().min(3).max(500) })
  .strict();
export const AccountViolation = z.object({ accountId: z.string(), violation: z.boolean(), updatedAt: Timestamp });
export type AccountViolation = z.infer<typeof AccountViolation>;
export const StaffAccountIdParam = z.object({ id: z.string().min(1).max(100) });
