import type {
  ClockAdvanced as ClockAdvancedSchema,
  DemoTenantCreated as DemoTenantCreatedSchema,
  DemoTenantDetail as DemoTenantDetailSchema,
  DemoTenant as DemoTenantSchema,
  DemoTimeline as DemoTimelineSchema,
  Happening as HappeningSchema,
} from '@idv/contracts';

/** The output type of a contract schema (the contracts export these schemas without a named type). */
type Out<S extends { _zod: { output: unknown } }> = S['_zod']['output'];

export type DemoTenant = Out<typeof DemoTenantSchema>;
export type DemoTenantDetail = Out<typeof DemoTenantDetailSchema>;
export type DemoTenantCreated = Out<typeof DemoTenantCreatedSchema>;
export type ClockAdvanced = Out<typeof ClockAdvancedSchema>;
export type DemoTimeline = Out<typeof DemoTimelineSchema>;
export type Happening = Out<typeof HappeningSchema>;
export type { AdvanceClockBody, UsageInjection } from '@idv/contracts';
export type DemoPasswordReset = Out<typeof import('@idv/contracts').DemoPasswordReset>;
export type DemoCustomerView = Out<typeof import('@idv/contracts').DemoCustomerView>;
export type DemoCustomerViewState = Out<typeof import('@idv/contracts').DemoCustomerViewState>;
