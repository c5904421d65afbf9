import { z } from 'zod';
import { Timestamp } from './common.ts';

const IsoTime = z.iso.datetime({ offset: true });

export const CreateDemoTenantBody = z
  .object({
    scenario: z.enum(['empty', 'rich']),
    /** The tenant's simulated "now" at creation; defaults to the real now. */
    startAt: IsoTime.optional(),
    name: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

export const DemoClock = z.object({ now: Timestamp, simulated: z.literal(true) });

export const DemoTenantCreated = z.object({
  accountId: z.string(),
  customer: z.object({ email: z.string(), password: z.string() }),
  serviceKey: z.string(),
  resources: z.array(z.object({ id: z.string(), alias: z.string() })),
  clock: DemoClock,
});
export type DemoTenantCreated = z.infer<typeof DemoTenantCreated>;

export const DemoTenant = z.object({
  accountId: z.string(),
  name: z.string(),
  scenario: z.enum(['empty', 'rich']),
  customerEmail: z.string().nullable(),
  createdAt: Timestamp,
  clock: DemoClock,
  status: z.string(),
});
export type DemoTenant = z.infer<typeof DemoTenant>;

/** A usage injector: calls per day of one label from one resource, with a share of non-billable results. */
export const UsageInjection = z
  .object({
    label: z.string().min(1).max(100),
    resourceId: z.string().min(1).max(100),
    callsPerDay: z.number().int().min(1).max(20_000),
    /** Share of non-billable results (R1.4), as a decimal string from "0" to "1". */
    nonBillableShare: z
      .string()
      .regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/, 'must be a decimal string from 0 to 1')
      .default('0'),
  })
  .strict();
export type UsageInjection = z.infer<typeof UsageInjection>;

const Usage = z.array(UsageInjection).max(10).optional();

/** Exactly one way to move the clock, never backwards (api.md). */
export const AdvanceClockBody = z.union([
  z.object({ advanceTo: IsoTime, usage: Usage }).strict(),
  z
    .object({
      advanceBy: z
        .string()
        .regex(
          /^P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?)?$/,
          'must be an ISO 8601 duration of days, hours, minutes: P1D, PT1H',
        ),
      usage: Usage,
    })
    .strict(),
  z.object({ to: z.literal('next-settlement'), usage: Usage }).strict(),
]);
export type AdvanceClockBody = z.infer<typeof AdvanceClockBody>;

/**
 * Something the demo clock passed. `summary` is the server's English sentence (kept for API users);
 * `code` and `params` let a console say it in the reader's language (docs/demo-tenants.md).
 */
export const Happening = z.object({
  at: Timestamp,
  kind: z.string(),
  summary: z.string(),
  code: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type Happening = z.infer<typeof Happening>;
export const ClockAdvanced = z.object({ now: Timestamp, happened: z.array(Happening) });
export type ClockAdvanced = z.infer<typeof ClockAdvanced>;
/** GET /demo/tenants/:id/timeline: newest first, paged (`cursor`, `limit` 1–500, default 50). */
export const DemoTimeline = z.object({ items: z.array(Happening), nextCursor: z.string().nullable().optional() });
export type DemoTimeline = z.infer<typeof DemoTimeline>;
export const DemoTimelineQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

/** POST /demo/tenants/:id/password: the customer's new password, shown to the PM who reset it. */
export const DemoPasswordReset = z.object({ email: z.string(), password: z.string() });
export type DemoPasswordReset = z.infer<typeof DemoPasswordReset>;

/** POST /demo/tenants/:id/customer-view: this browser is now signed in as the tenant's owner. */
export const DemoCustomerView = z.object({
  accountId: z.string(),
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
});
export type DemoCustomerView = z.infer<typeof DemoCustomerView>;
/** GET /demo/customer-view: whether this session is a PM's customer view, and whose. */
export const DemoCustomerViewState = z.object({ accountId: z.string(), pmEmail: z.string() });
export type DemoCustomerViewState = z.infer<typeof DemoCustomerViewState>;
export const DemoAccountParam = z.object({ accountId: z.string().min(1).max(100) });

/** R5.2 one tier of a monthly volume tier table: from `fromCalls` calls a month, `unitPrice` per call. */
export const MonthlyTier = z
  .object({
    fromCalls: z.number().int().min(0).max(1_000_000_000),
    unitPrice: z.string().regex(/^\d{1,10}(\.\d{1,4})?$/, 'must be a decimal string ≥ 0 with at most 4 decimals'),
  })
  .strict();

/** PUT body of a demo tenant's tier table of one label: 1–20 tiers, each fromCalls once. */
export const PutTierTableBody = z
  .object({
    tiers: z
      .array(MonthlyTier)
      .min(1)
      .max(20)
      .refine((t) => new Set(t.map((x) => x.fromCalls)).size === t.length, 'each fromCalls may appear only once'),
  })
  .strict();
export type PutTierTableBody = z.infer<typeof PutTierTableBody>;

export const TierTable = z.object({ label: z.string(), tiers: z.array(MonthlyTier) });
export const DemoTierParam = z.object({
  accountId: z.string().min(1).max(100),
  label: z.string().min(1).max(100),
});

/** GET /demo/tenants/:accountId: what a PM console needs to open a tenant from any browser (R9.3). */
export const DemoTenantDetail = z.object({
  accountId: z.string(),
  name: z.string(),
  scenario: z.enum(['empty', 'rich']),
  startAt: Timestamp,
  activatedAt: Timestamp,
  settlement: z.enum(['daily', 'monthly']),
  status: z.enum(['active', 'arrears', 'suspended', 'released']),
  customer: z.object({ email: z.string().nullable() }),
  customerEmail: z.string().nullable(),
  resources: z.array(z.object({ id: z.string(), alias: z.string(), project: z.string(), region: z.string() })),
  clock: DemoClock,
  /** The clock move in progress: `running`, or `interrupted` (its process died; it is resumed). */
  move: z.object({ target: Timestamp.nullable(), state: z.enum(['running', 'interrupted']) }).nullable(),
  /** R5.2 the tenant's own monthly tier tables (monthly settlement only). */
  tierTables: z.array(TierTable),
  createdAt: Timestamp,
  /** What the tour checks after each step: notices sent by kind, packs bought, budgets set. */
  signals: z
    .object({
      notices: z.record(z.string(), z.number()),
      purchasedPacks: z.number(),
      budgets: z.number(),
    })
    .optional(),
});
export type DemoTenantDetail = z.infer<typeof DemoTenantDetail>;
