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

export const Me = z.object({
  user: User,
  account: z.object({ id: z.string(), name: z.string() }).nullable(),
  impersonation: z
    .object({ agentId: z.string(), reason: z.string(), expiresAt: Timestamp, write: z.boolean() })
    .nullable(),
  clock: z.object({ now: Timestamp, simulated: z.boolean() }),
});
export type Me = z.infer<typeof Me>;

export const LoginResponse = z.object({ user: User });
