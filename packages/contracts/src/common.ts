import { z } from 'zod';

/** Money on the wire is a decimal string, never a number (R1.2). */
export const MoneyString = z
  .string()
  .regex(/^-?\d{1,14}(\.\d{1,4})?$/, 'must be a decimal string with at most 4 decimals');
export const Timestamp = z.string().describe('ISO 8601 with +08:00 offset');
export const DateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
export const MonthString = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM');

export const ErrorCodes = [
  'INVALID_REQUEST',
  'UNAUTHENTICATED',
  'BAD_CREDENTIALS',
  'FORBIDDEN',
  'FOREIGN_ORIGIN',
  'NOT_FOUND',
  'CONFLICT',
  'INSUFFICIENT_BALANCE',
  'UNKNOWN_TIER',
  'UNKNOWN_LABEL',
  'VOUCHER_NOT_USABLE',
  'REFUND_WINDOW_CLOSED',
  'PACK_PARTIALLY_USED',
  'NOT_REFUNDABLE_GIFT',
  'ALREADY_REFUNDED',
  'ACCOUNT_VIOLATION',
  'CAMPAIGN_EXCLUDED',
  'REFUND_REFUSED',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_KEY_IN_FLIGHT',
  'CERTIFICATE_PENDING_CANCEL_FIRST',
  'CERTIFICATE_ISSUED',
  'CERTIFICATE_IN_VALIDATION',
  'CERTIFICATE_NOT_CANCELLABLE',
  'RATE_LIMITED',
  'READ_ONLY_IMPERSONATION',
  'NOT_DEMO_ACCOUNT',
  'CLOCK_BACKWARDS',
  'DEMO_CLOCK_BUSY',
  'NOT_MONTHLY_SETTLED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'ALREADY_MEMBER',
  'INVITATION_EXPIRED',
  'INVITATION_USED',
  'INVITATION_REVOKED',
  'EMAIL_IN_USE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ErrorCodes)[number];

/**
 * One offending field of a 400 INVALID_REQUEST. `message` is English for API users; `code` (the
 * schema's issue code: `too_small`, `too_big`, `invalid_type`, `invalid_format`, `custom`, ...) and the
 * limits let a client say the same thing in its reader's language (issue 17). Additive: older answers
 * carry path and message only.
 */
export const FieldIssue = z.object({
  path: z.string(),
  message: z.string(),
  code: z.string().optional(),
  /** For too_small/too_big: what was measured (`string` length, `number` value, `array` items). */
  origin: z.string().optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
});
export type FieldIssue = z.infer<typeof FieldIssue>;

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  errors: z.array(FieldIssue).optional(),
});
export type Problem = z.infer<typeof Problem>;

export const ListQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function listOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export type List<T> = { items: T[]; nextCursor: string | null };
