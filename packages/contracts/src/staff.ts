import { z } from 'zod';
import { ListQuery, Timestamp } from './common.ts';
import { REASON_MIN_WEIGHT, reasonWeight } from './reason.ts';

export const StaffAccountsQuery = ListQuery.extend({ q: z.string().trim().max(100).optional() });
export const StaffAccount = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  settlement: z.string(),
  isDemo: z.boolean(),
  /** R8.2 suspended for violating rules (blocks every refund). */
  violation: z.boolean(),
  users: z.array(z.object({ email: z.string(), roles: z.array(z.string()) })),
});
export type StaffAccount = z.infer<typeof StaffAccount>;

/**
 * R9.2: a reason of at least a sentence is required (weight ≥ 15, a Chinese character counting 2: see
 * reason.ts); write only if the agent holds the permission.
 */
export const StartImpersonationBody = z
  .object({
    accountId: z.string().min(1).max(100),
    reason: z
      .string()
      .trim()
      .max(500)
      .refine((r) => reasonWeight(r) >= REASON_MIN_WEIGHT, {
        message: 'give a reason of at least a sentence (15 characters or more; a Chinese character counts as 2)',
      }),
    ticket: z.string().trim().max(50).optional(),
    write: z.boolean().optional(),
  })
  .strict();
export const ImpersonationStarted = z.object({
  id: z.string(),
  accountId: z.string(),
  expiresAt: Timestamp,
  write: z.boolean(),
});
export type ImpersonationStarted = z.infer<typeof ImpersonationStarted>;

export const AuditEntry = z.object({
  id: z.string(),
  at: Timestamp,
  actor: z.object({ id: z.string(), kind: z.string(), name: z.string().nullable() }),
  accountId: z.string().nullable(),
  impersonationId: z.string().nullable(),
  action: z.string(),
  reason: z.string().nullable(),
  requestId: z.string().nullable(),
  outcome: z.string(),
  /**
   * Added (R9.2): the support session this entry belongs to, so the customer reads who, why (reason and
   * ticket), in which mode (read-only or write), from when to when and how it ended. null outside one.
   */
  session: z
    .object({
      id: z.string(),
      agent: z.object({ id: z.string(), name: z.string().nullable() }),
      reason: z.string(),
      ticket: z.string().nullable(),
      write: z.boolean(),
      startedAt: Timestamp,
      expiresAt: Timestamp,
      endedAt: Timestamp.nullable(),
      /** stopped by the agent (or signed out), expired at its time limit, or still active. */
      ended: z.enum(['stopped', 'expired', 'active']),
    })
    .nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
