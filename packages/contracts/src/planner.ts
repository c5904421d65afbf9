import { z } from 'zod';
import { DateString, MoneyString, Timestamp } from './common.ts';

/** Advice (api.md): the pack planner, the burn-down forecast and the deduction explainer (issue 9). */

export const MAX_PLANNER_CALLS = 100_000_000;
export const MAX_PLANNER_MONTH_CALLS = 10_000_000;
export const MAX_PLANNER_MONTHS = 24;

const Count = (max: number) => z.coerce.number().int('must be a whole number').min(0).max(max);

/**
 * GET /planner?label&calls (calls expected within one year), or the extension `months=1000,2000,…`:
 * calls per month for the next 1–24 months. Exactly one of the two.
 */
export const PlannerQuery = z
  .object({
    label: z.string().min(1).max(100),
    calls: Count(MAX_PLANNER_CALLS).optional(),
    months: z
      .string()
      .max(24 * 9 + 23)
      .regex(/^\d{1,8}(,\d{1,8})*$/, 'must be a comma-separated list of whole numbers')
      .transform((s) => s.split(',').map((n) => Number.parseInt(n, 10)))
      .pipe(
        z
          .array(z.number().int().min(0).max(MAX_PLANNER_MONTH_CALLS))
          .min(1)
          .max(MAX_PLANNER_MONTHS, `at most ${MAX_PLANNER_MONTHS} months`),
      )
      .optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    if ((q.calls === undefined) === (q.months === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['calls'], message: 'give either calls (a year) or months (per month)' });
    }
  });
export type PlannerQuery = z.infer<typeof PlannerQuery>;

export const PlanStrategy = z.enum(['byHand', 'greedy', 'tierPlusPostpaid', 'fewestPacks']);
export type PlanStrategy = z.infer<typeof PlanStrategy>;

export const PlanPack = z.object({
  size: z.number().int(),
  quantity: z.number().int(),
  unitPrice: MoneyString,
  amount: MoneyString,
});

export const Plan = z.object({
  packs: z.array(PlanPack),
  packCount: z.number().int(),
  calls: z.number().int(),
  packCalls: z.number().int(),
  postpaidCalls: z.number().int(),
  /** Pack calls bought but not needed: they expire unused (R3.2). */
  unusedCalls: z.number().int(),
  packsAmount: MoneyString,
  postpaidAmount: MoneyString,
  total: MoneyString,
  /** allPostpaid.total − total. */
  saving: MoneyString,
  savingPercent: z.string(),
});
export type Plan = z.infer<typeof Plan>;

export const PlannerResponse = z.object({
  label: z.string(),
  labelNameZh: z.string(),
  labelNameEn: z.string(),
  unitPrice: MoneyString,
  tiers: z.array(z.object({ size: z.number().int(), price: MoneyString })),
  forecast: z.object({ kind: z.enum(['year', 'months']), months: z.array(z.number().int()).nullable() }),
  calls: z.number().int(),
  best: Plan,
  allPostpaid: Plan,
  alternatives: z.array(Plan.extend({ strategy: PlanStrategy })),
  /** R3.2 one plan per 12-month window; packs of window i are bought at its start. */
  windows: z.array(
    z.object({
      index: z.number().int(),
      firstMonth: z.number().int(),
      lastMonth: z.number().int(),
      calls: z.number().int(),
      best: Plan,
      allPostpaid: Plan,
    }),
  ),
});
export type PlannerResponse = z.infer<typeof PlannerResponse>;

export const ForecastPoint = z.object({
  date: DateString,
  /** true: recorded history; false: projection (today is projected: the rest of the day). */
  actual: z.boolean(),
  /** The label's billable calls that day (all its packs and postpaid). */
  labelCalls: z.number().int(),
  /** This pack's remaining calls at the end of the day. */
  remaining: z.number().int(),
});

export const PackForecast = z.object({
  packId: z.string(),
  label: z.string(),
  status: z.enum(['active', 'exhausted', 'expired', 'refunded']),
  today: DateString,
  horizon: DateString,
  total: z.number().int(),
  remaining: z.number().int(),
  expiresAt: Timestamp,
  runOutDate: DateString.nullable(),
  /** Calls projected to expire unused (an expired pack: what it held at expiry). */
  expiringUnused: z.number().int(),
  /** The label's calls no pack can take, from the first such day to the horizon. */
  postpaidFrom: DateString.nullable(),
  postpaidCalls: z.number().int(),
  postpaidSpend: MoneyString,
  refusedCalls: z.number().int(),
  historyDays: z.number().int(),
  trendPerDay: z.string(),
  weekdays: z.array(z.object({ weekday: z.number().int(), average: z.string(), samples: z.number().int() })),
  /** The method in plain words (English); `methodZh` in Chinese. */
  method: z.string(),
  methodZh: z.string(),
  points: z.array(ForecastPoint),
});
export type PackForecast = z.infer<typeof PackForecast>;

const Id = z.string().regex(/^\d{1,18}$/, 'must be an id');

/** GET /explain?packId=… | date=…[&label=…] | chargeId=… (exactly one of packId, date, chargeId). */
export const ExplainQuery = z
  .object({
    packId: Id.optional(),
    date: DateString.optional(),
    label: z.string().min(1).max(100).optional(),
    chargeId: Id.optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    const given = [q.packId, q.date, q.chargeId].filter((v) => v !== undefined).length;
    if (given !== 1) {
      ctx.addIssue({ code: 'custom', path: ['packId'], message: 'give exactly one of packId, date or chargeId' });
    }
    if (q.label !== undefined && q.date === undefined) {
      ctx.addIssue({ code: 'custom', path: ['label'], message: 'label goes with date' });
    }
  });
export type ExplainQuery = z.infer<typeof ExplainQuery>;

export const ExplainOutcome = z.enum(['pack', 'postpaid', 'free', 'rejected']);

export const ExplainGroup = z.object({
  label: z.string(),
  outcome: ExplainOutcome,
  packId: z.string().nullable(),
  packSource: z.enum(['gift', 'purchase']).nullable(),
  packExpiresAt: Timestamp.nullable(),
  code: z.string().nullable(),
  /** The recorded rule (usage_events.rule): only_pack, gift_first, earliest_expiry, … */
  rule: z.string().nullable(),
  /** The rule-book section behind it ("R4.2"). */
  ruleRef: z.string().nullable(),
  explanation: z.string(),
  explanationZh: z.string(),
  calls: z.number().int(),
  firstAt: Timestamp,
  lastAt: Timestamp,
});
export type ExplainGroup = z.infer<typeof ExplainGroup>;

export const Explanation = z.object({
  scope: z.object({
    kind: z.enum(['pack', 'day', 'charge']),
    packId: z.string().nullable(),
    date: DateString.nullable(),
    label: z.string().nullable(),
    chargeId: z.string().nullable(),
    /** The CST days the events were drawn from. */
    from: DateString.nullable(),
    to: DateString.nullable(),
  }),
  /** For a bill line: what it says, and whether the recorded events add up to its quantity. */
  charge: z
    .object({
      id: z.string(),
      transactionType: z.string(),
      label: z.string(),
      resourceId: z.string().nullable(),
      quantity: z.number().int(),
      amount: MoneyString,
      eventsMatch: z.boolean(),
    })
    .nullable(),
  totalCalls: z.number().int(),
  groups: z.array(ExplainGroup),
});
export type Explanation = z.infer<typeof Explanation>;
