import { z } from 'zod';
import { DateString, MoneyString, Timestamp } from './common.ts';

/** Advice (api.md): the pack planner, the burn-down forecast and the deduction explainer (issue 9). */

export const MAX_PLANNER_CALLS = 100_000_000;
export const MAX_PLANNER_MONTH_CALLS = 10_000_000;
export const MAX_PLANNER_MONTHS = 24;

const Count = (max: number) => z.coerce.number().int('must be a whole number').min(0).max(max);

/** `source=history`: months ahead to plan (the burn-down forecast looks at most ~400 days ahead). */
export const MAX_PLANNER_HISTORY_MONTHS = 12;
export const DEFAULT_PLANNER_HISTORY_MONTHS = 12;

/**
 * GET /planner?label&calls (calls expected within one year), or the extensions `months=1000,2000,…`
 * (calls per month for the next 1–24 months) and `source=history[&horizonMonths=1..12]` (the account's
 * last 30 days of the label projected forward, minus what its active packs will cover). Exactly one of
 * calls, months and source; horizonMonths (default 12) only with source=history.
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
    source: z.enum(['history']).optional(),
    horizonMonths: z
      .string()
      .regex(/^\d{1,2}$/, 'must be a whole number of months')
      .transform((s) => Number.parseInt(s, 10))
      .pipe(z.number().int().min(1).max(MAX_PLANNER_HISTORY_MONTHS))
      .optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    const given = [q.calls, q.months, q.source].filter((v) => v !== undefined).length;
    if (given !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['calls'],
        message: 'give exactly one of calls (a year), months (per month) or source=history',
      });
    }
    if (q.horizonMonths !== undefined && q.source === undefined) {
      ctx.addIssue({ code: 'custom', path: ['horizonMonths'], message: 'horizonMonths goes with source=history' });
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

/**
 * The "from history" forecast: the label's last 30 days projected forward (weekday-aware, with trend)
 * through the account's active packs (R4.2). Month i runs from `from` to `to`, both inclusive: from
 * today's date + i months to the day before today's date + (i + 1) months (clamped at month end);
 * month 0 starts with the rest of today. toPlan = projectedCalls − coveredByPacks.
 */
export const PlannerHistory = z.object({
  /** The account's CST date (demo tenants: their simulated clock). */
  today: DateString,
  horizonMonths: z.number().int(),
  /** Days of history looked at (30, fewer for a new account) and the label's billable calls in them. */
  historyDays: z.number().int(),
  historyCalls: z.number().int(),
  trendPerDay: z.string(),
  projectedCalls: z.number().int(),
  coveredByPacks: z.number().int(),
  toPlan: z.number().int(),
  months: z.array(
    z.object({
      month: z.number().int(),
      from: DateString,
      to: DateString,
      projectedCalls: z.number().int(),
      coveredByPacks: z.number().int(),
      toPlan: z.number().int(),
    }),
  ),
  /** The method in plain words (English); `methodZh` in Chinese. */
  method: z.string(),
  methodZh: z.string(),
});
export type PlannerHistory = z.infer<typeof PlannerHistory>;

export const PlannerResponse = z.object({
  label: z.string(),
  labelNameZh: z.string(),
  labelNameEn: z.string(),
  unitPrice: MoneyString,
  tiers: z.array(z.object({ size: z.number().int(), price: MoneyString })),
  /** `months`: the typed-in months, or for `history` the calls to plan per month (history.months[].toPlan). */
  forecast: z.object({ kind: z.enum(['year', 'months', 'history']), months: z.array(z.number().int()).nullable() }),
  /** source=history only (else null): the projection the plan is made for. */
  history: PlannerHistory.nullable(),
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
  /**
   * R10.2 the purchases the label's enabled auto top-up rule is projected to make (already in the
   * projection above), and the first projected crossing it cannot act on (absent without a rule).
   */
  autoTopup: z
    .object({
      purchases: z.array(
        z.object({ date: DateString, quantity: z.number().int(), size: z.number().int(), amount: MoneyString }),
      ),
      failedOn: DateString.nullable(),
      failReason: z.enum(['INSUFFICIENT_BALANCE', 'MONTHLY_LIMIT']).nullable(),
    })
    .optional(),
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
