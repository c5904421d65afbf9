import { z } from 'zod';
import { MoneyString, Timestamp } from './common.ts';

export const Voucher = z.object({
  id: z.string(),
  faceValue: MoneyString,
  expiresAt: Timestamp,
  productGroups: z.array(z.string()).nullable(),
  usable: z.boolean(),
  usedOrderId: z.string().nullable(),
});
export type Voucher = z.infer<typeof Voucher>;

export const Account = z.object({
  id: z.string(),
  name: z.string(),
  settlement: z.enum(['daily', 'monthly']),
  postpaidEnabled: z.boolean(),
  status: z.enum(['active', 'arrears', 'suspended', 'released']),
  arrearsSince: Timestamp.nullable(),
  suspendsAt: Timestamp.nullable(),
  balances: z.object({ cash: MoneyString, income: MoneyString, gift: MoneyString, available: MoneyString }),
  vouchers: z.array(Voucher),
});
export type Account = z.infer<typeof Account>;

/** A recharge is a positive amount in whole cents, at most 10 million per request. */
export const RechargeBody = z.object({
  amount: z.string().regex(/^\d{1,8}(\.\d{1,2})?$/, 'must be a positive decimal string with at most 2 decimals'),
});
/**
 * POST /account/recharge answers the account (api.md) plus `shortfall` (an extra field): R6.3 when the
 * available balance is still below 0 after the recharge, how much more is needed for service to
 * resume (whole cents, rounded up); null when the balance is 0 or more.
 */
export const RechargeResult = Account.extend({ shortfall: MoneyString.nullable() });
export type RechargeResult = z.infer<typeof RechargeResult>;

export const PatchAccountBody = z.object({ postpaidEnabled: z.boolean() }).strict();

export const Resource = z.object({ id: z.string(), alias: z.string(), project: z.string(), region: z.string() });
export type Resource = z.infer<typeof Resource>;
export const CreateResourceBody = z
  .object({
    alias: z.string().trim().min(1).max(100),
    project: z.string().trim().min(1).max(100),
    region: z.string().trim().min(1).max(50),
  })
  .strict();

/**
 * R3.4 SIMULATION of the first eID merchant approval (POST /account/eid-merchant): sets the approval
 * time once; the eid.authority trial is granted at trialGrantDueAt by the free-trial job.
 */
export const EidMerchantApproval = z.object({
  eidApprovedAt: Timestamp,
  trialGrantDueAt: Timestamp,
  firstApproval: z.boolean(),
});
