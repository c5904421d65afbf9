import type {
  AccountViolation as AccountViolationSchema,
  ImpersonationStarted as ImpersonationStartedSchema,
  OutboxMessage as OutboxMessageSchema,
  RefundRefusal as RefundRefusalSchema,
} from '@idv/contracts';

/** The output type of a contract schema (the contracts export some schemas without a named type). */
type Out<S extends { _zod: { output: unknown } }> = S['_zod']['output'];

export type ImpersonationStarted = Out<typeof ImpersonationStartedSchema>;
export type OutboxMessage = Out<typeof OutboxMessageSchema>;
export type RefundRefusal = Out<typeof RefundRefusalSchema>;
export type AccountViolation = Out<typeof AccountViolationSchema>;
