import { accounts, type DbOrTx, invitations, notifications, outbox, users } from '@idv/db';
import { and, desc, eq, sql } from 'drizzle-orm';

export type InvitationRow = typeof invitations.$inferSelect;

export async function listPendingInvitations(db: DbOrTx, accountId: string) {
  return db
    .select()
    .from(invitations)
    .where(and(eq(invitations.accountId, accountId), eq(invitations.status, 'pending')))
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(200);
}

/** Any user (of any account, or staff) with this email: emails are unique across the whole service. */
export async function userByEmail(db: DbOrTx, email: string) {
  const [u] = await db
    .select({ id: users.id, accountId: users.accountId })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  return u ?? null;
}

/** Revokes the account's pending invitations for `email` (or the one `id`); returns the ids revoked. */
export async function revokePending(
  db: DbOrTx,
  accountId: string,
  at: Date,
  which: { email: string } | { id: string },
): Promise<string[]> {
  const done = await db
    .update(invitations)
    .set({ status: 'revoked', revokedAt: at })
    .where(
      and(
        eq(invitations.accountId, accountId),
        eq(invitations.status, 'pending'),
        'email' in which ? eq(invitations.email, which.email) : eq(invitations.id, which.id),
      ),
    )
    .returning({ id: invitations.id });
  return done.map((r) => r.id);
}

export async function insertInvitation(db: DbOrTx, row: typeof invitations.$inferInsert) {
  const [inv] = await db.insert(invitations).values(row).returning();
  if (!inv) throw new Error('invitation insert returned nothing');
  return inv;
}

/** The invitation behind a token hash with its account's name; `lock` takes the row for the acceptance. */
export async function findByTokenHash(db: DbOrTx, tokenHash: string, lock: boolean) {
  const q = db
    .select({ inv: invitations, accountName: accounts.name })
    .from(invitations)
    .innerJoin(accounts, eq(accounts.id, invitations.accountId))
    .where(eq(invitations.tokenHash, tokenHash));
  const [row] = lock ? await q.for('update', { of: invitations }) : await q;
  return row ?? null;
}

/** Marks a pending invitation accepted; false when it was not pending any more (a concurrent use). */
export async function markAccepted(db: DbOrTx, id: string, userId: string, at: Date): Promise<boolean> {
  const done = await db
    .update(invitations)
    .set({ status: 'accepted', acceptedAt: at, acceptedUserId: userId })
    .where(and(eq(invitations.id, id), eq(invitations.status, 'pending')))
    .returning({ id: invitations.id });
  return done.length === 1;
}

export async function insertInvitedUser(
  db: DbOrTx,
  u: { id: string; accountId: string; email: string; name: string; role: string; passwordHash: string; at: Date },
) {
  const [row] = await db
    .insert(users)
    .values({
      id: u.id,
      email: u.email,
      name: u.name,
      passwordHash: u.passwordHash,
      kind: 'customer',
      roles: [u.role],
      accountId: u.accountId,
      createdAt: u.at,
    })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

/**
 * Queues the invitation email in the durable outbox (jobs/outbox.ts sends it through SMTP when
 * configured, retrying; without SMTP it waits there for the staff outbox view). The outbox hangs off a
 * notification row of the inviting account; kind `member_invited` is kept out of the notification
 * centre (repositories/notifications.ts), and only the email carries the link.
 */
export async function queueInvitationEmail(
  db: DbOrTx,
  m: {
    accountId: string;
    invitationId: string;
    to: string;
    subject: string;
    body: string;
    titleZh: string;
    titleEn: string;
    at: Date;
  },
) {
  const [n] = await db
    .insert(notifications)
    .values({
      accountId: m.accountId,
      kind: 'member_invited',
      cause: `invitation:${m.invitationId}`,
      titleZh: m.titleZh,
      titleEn: m.titleEn,
      bodyZh: m.titleZh,
      bodyEn: m.titleEn,
      channels: ['email'],
      createdAt: m.at,
      readAt: m.at,
    })
    .returning({ id: notifications.id });
  if (!n) throw new Error('notification insert returned nothing');
  await db.insert(outbox).values({
    notificationId: n.id,
    channel: 'email',
    recipient: m.to,
    subject: m.subject,
    body: m.body,
    nextAttemptAt: m.at,
  });
}
