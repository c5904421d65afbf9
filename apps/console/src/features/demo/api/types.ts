/** The demo feature's wire types, as the contracts name them (the schemas' outputs). */
export type { AdvanceClockBody, ClockAdvanced, DemoCustomerView, DemoCustomerViewState } from '@idv/contracts';
export type { DemoPasswordReset, DemoTenant, DemoTenantCreated, DemoTenantDetail } from '@idv/contracts';
export type { DemoTimeline, Happening, UsageInjection } from '@idv/contracts';
