import { z } from 'zod';
import { CustomerRole } from './auth.ts';
import { Timestamp } from './common.ts';

export const Member = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: CustomerRole,
  createdAt: Timestamp,
});
export type Member = z.infer<typeof Member>;

export const InviteMemberBody = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email()),
    name: z.string().trim().min(1).max(100),
    role: CustomerRole,
  })
  .strict();
export const InvitedMember = Member.extend({
  /** Shown once: the new user signs in with it (there is no email invitation flow here). */
  temporaryPassword: z.string(),
});
export const ChangeMemberBody = z.object({ role: CustomerRole }).strict();
export const MemberIdParam = z.object({ id: z.string().min(1).max(100) });
