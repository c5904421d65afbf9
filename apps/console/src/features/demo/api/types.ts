/** The demo feature's wire types, as the contracts name them (the schemas' outputs). */
export type {
  AdvanceClockBody,
  ClockAdvanced,
  DemoCustomerView,
  DemoCustomerViewState,
  DemoPasswordReset,
  DemoTenant,
  DemoTenantCreated,
  DemoTenantDetail,
  DemoTimeline,
  Happening,
  UsageInjection,
} from '@idv/contracts';
