/** The support feature's wire types, as the contracts name them (the schemas' outputs). */
export type { AccountViolation, ImpersonationStarted, OutboxMessage, RefundRefusal } from '@idv/contracts';
