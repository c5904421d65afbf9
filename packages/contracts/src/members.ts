import { z } from 'zod';
import { CustomerRole, User } from './auth.ts';
import { Timestamp } from './common.ts';

export const Member = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: CustomerRole,
  createdAt: Timestamp,
});
export type Member = z.infer<typeof Member>;

export const ChangeMemberBody = z.object({ role: CustomerRole }).strict();
export const MemberIdParam = z.object({ id: z.string().min(1).max(100) });

/** R9.1 invitations by email (docs/decisions/0013): the owner gives an email and a role, nothing else. */
export const InvitationBody = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email()),
    role: CustomerRole,
  })
  .strict();
export const Invitation = z.object({
  id: z.string(),
  email: z.string(),
  role: CustomerRole,
  /** `expired`: the link can no longer be used; re-inviting sends a new one. */
  status: z.enum(['pending', 'expired']),
  createdAt: Timestamp,
  expiresAt: Timestamp,
});
export type Invitation = z.infer<typeof Invitation>;
export const InvitationIdParam = z.object({ id: z.string().min(1).max(100) });
/** The link's token travels in the body (never in a URL the server or a proxy would log). */
export const InvitationTokenBody = z.object({ token: z.string().min(16).max(200) }).strict();
export const InvitationPreview = z.object({
  email: z.string(),
  role: CustomerRole,
  accountName: z.string(),
  expiresAt: Timestamp,
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;
export const AcceptInvitationBody = z
  .object({
    token: z.string().min(16).max(200),
    name: z.string().trim().min(1).max(100),
    password: z.string().min(10, 'must be at least 10 characters').max(200),
  })
  .strict();
export const InvitationAccepted = z.object({ user: User });
