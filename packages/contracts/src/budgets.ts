import { z } from 'zod';
import { MoneyString, MonthString, Timestamp } from './common.ts';

/** R10.2 one auto top-up rule per label. */
export const AutoTopupRule = z.object({
  label: z.string(),
  enabled: z.boolean(),
  belowCalls: z.number().int(),
  size: z.number().int(),
  quantity: z.number().int(),
  monthlyLimit: z.number().int(),
  /** Orders this rule placed in the current CST month (counted against monthlyLimit). */
  boughtThisMonth: z.number().int(),
});
export type AutoTopupRule = z.infer<typeof AutoTopupRule>;

export const PutAutoTopupBody = z
  .object({
    enabled: z.boolean(),
    belowCalls: z.number().int().min(1).max(100_000_000),
    size: z.number().int().positive(),
    quantity: z.number().int().min(1).max(100),
    monthlyLimit: z.number().int().min(1).max(100),
  })
  .strict();
export type PutAutoTopupBody = z.infer<typeof PutAutoTopupBody>;
export const AutoTopupLabelParam = z.object({ label: z.string().min(1).max(100) });
export const AutoTopupList = z.object({ items: z.array(AutoTopupRule), nextCursor: z.string().nullable() });

/** R10.1 thresholds in percent of the budget's amount (default 50, 80, 100). */
const Thresholds = z
  .array(z.number().int().min(1).max(1000))
  .min(1)
  .max(10)
  .refine((a) => new Set(a).size === a.length, 'thresholds must be distinct');
const PositiveMoney = z
  .string()
  .regex(/^(?!0+(\.0+)?$)\d{1,14}(\.\d{1,4})?$/, 'must be a decimal string above 0 with at most 4 decimals');
const BudgetScope = z
  .object({ product: z.string().min(1).max(100).optional(), label: z.string().min(1).max(100).optional() })
  .strict()
  .refine((s) => !(s.product && s.label), 'a scope is one product or one label, not both');

export const CreateBudgetBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    amount: PositiveMoney,
    scope: BudgetScope.optional(),
    thresholds: Thresholds.optional(),
  })
  .strict();
export type CreateBudgetBody = z.infer<typeof CreateBudgetBody>;
export const PatchBudgetBody = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    amount: PositiveMoney.optional(),
    thresholds: Thresholds.optional(),
  })
  .strict();
export type PatchBudgetBody = z.infer<typeof PatchBudgetBody>;
export const BudgetIdParam = z.object({ id: z.string().min(1).max(100) });
export const BudgetsQuery = z.object({ month: MonthString.optional() });

export const BudgetAlert = z.object({
  threshold: z.number().int(),
  kind: z.enum(['actual', 'forecast']),
  at: Timestamp,
});
export const Budget = z.object({
  id: z.string(),
  name: z.string(),
  amount: MoneyString,
  scope: z.object({ product: z.string().optional(), label: z.string().optional() }),
  thresholds: z.array(z.number().int()),
  month: MonthString,
  spent: MoneyString,
  forecast: MoneyString,
  alerts: z.array(BudgetAlert),
  /** For the burn chart: the month's spending by CST day, cumulative (days up to today). */
  daily: z.array(z.object({ date: z.string(), spent: MoneyString })),
});
export type Budget = z.infer<typeof Budget>;
export const BudgetList = z.object({ items: z.array(Budget), nextCursor: z.string().nullable() });
