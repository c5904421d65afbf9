import { outbox } from '@idv/db';
import { desc, eq } from 'drizzle-orm';
import type { Client, TestApp } from './harness.ts';

/** The token of the latest invitation email queued for `email`, read from the outbox as a mailbox would. */
export async function invitationToken(t: Pick<TestApp, 'deps'>, email: string): Promise<string> {
  const [m] = await t.deps.db
    .select({ body: outbox.body })
    .from(outbox)
    .where(eq(outbox.recipient, email.toLowerCase()))
    .orderBy(desc(outbox.id))
    .limit(1);
  const token = /#token=([\w-]+)/.exec(m?.body ?? '')?.[1];
  if (!token) throw new Error(`no invitation email for ${email}`);
  return token;
}

/** R9.1: the owner invites `email` with `role`; the invitee accepts through the emailed link. Returns the invitee's client. */
export async function inviteAndAccept(
  t: TestApp,
  owner: Client,
  email: string,
  role: 'owner' | 'finance' | 'viewer',
  password = 'invited-pass-2026',
): Promise<Client> {
  const res = await owner.post('/api/v1/members/invitations', { email, role });
  if (res.status !== 201) throw new Error(`invite ${email} → ${res.status} ${await res.text()}`);
  const token = await invitationToken(t, email);
  const accepted = await t.anon.post('/api/v1/invitations/accept', { token, name: 'Invited', password });
  if (accepted.status !== 200) throw new Error(`accept ${email} → ${accepted.status} ${await accepted.text()}`);
  return t.login(email, password);
}
