import { z } from 'zod';
import { Timestamp } from './common.ts';

export const LoginBody = z.object({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const CustomerRole = z.enum(['owner', 'finance', 'viewer']);
export const StaffRole = z.enum(['support', 'support_write', 'pm']);
export type CustomerRole = z.infer<typeof CustomerRole>;
export type StaffRole = z.infer<typeof StaffRole>;

export const User = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  kind: z.enum(['customer', 'staff']),
  roles: z.array(z.string()),
});
export type User = z.infer<typeof User>;

/**
 * R9.1/R9.2 What a request may do in the account it acts on. The BFF's grant table is the only place
 * the roles are mapped to these; the console reads the result from GET /me (`permissions`).
 */
export const AccountAction = z.enum(['read', 'personal', 'buy', 'refund', 'recharge', 'settings', 'manage_users']);
export type AccountAction = z.infer<typeof AccountAction>;

export const Me = z.object({
  user: User,
  account: z.object({ id: z.string(), name: z.string() }).nullable(),
  impersonation: z
    .object({ agentId: z.string(), reason: z.string(), expiresAt: Timestamp, write: z.boolean() })
    .nullable(),
  clock: z.object({ now: Timestamp, simulated: z.boolean() }),
  /** Issue 16: the actions the caller may take in `account` (empty without one), from the server's role table. */
  permissions: z.array(AccountAction),
});
export type Me = z.infer<typeof Me>;

export const LoginResponse = z.object({ user: User });
