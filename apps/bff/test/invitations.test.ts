import { auditLog, invitations, outbox, users } from '@idv/db';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverOutboxJob } from '../src/jobs/outbox.ts';
import type { OutgoingMessage } from '../src/notifications/senders.ts';
import { createTestApp, json, type TestApp } from './harness.ts';
import { invitationToken } from './invitation-fixtures.ts';

/** R9.1 invitations by email (issue 19, docs/decisions/0013). */
let t: TestApp;
const sent: OutgoingMessage[] = [];
beforeAll(async () => {
  t = await createTestApp({ poolSize: 12 });
  // Stands in for SMTP: what the outbox job hands to the email channel.
  t.deps.senders = {
    email: {
      send: async (m) => {
        sent.push(m);
        return { provider: 'smtp' };
      },
    },
    sms: { send: async () => ({ provider: 'outbox' }) },
  };
});
afterAll(async () => t?.close());

type Inv = { id: string; email: string; role: string; status: string; createdAt: string; expiresAt: string };
const accept = (token: string, password = 'a-long-password-1', name = 'Invited Person') =>
  t.anon.post('/api/v1/invitations/accept', { token, name, password });
const preview = (token: string) => t.anon.post('/api/v1/invitations/preview', { token });
const actions = async (invitationId: string) =>
  (
    await t.deps.db
      .select({ action: auditLog.action, outcome: auditLog.outcome, accountId: auditLog.accountId })
      .from(auditLog)
      .where(sql`${auditLog.detail}->>'invitationId' = ${invitationId}`)
      .orderBy(auditLog.id)
  ).map((a) => `${a.action}:${a.outcome}`);

describe('R9.1 invitations by email', () => {
  it('R9.1 the owner invites an email with a role; the one-time link arrives by email and signs the invitee in with that role', async () => {
    const owner = await t.login('demo@example.com');
    const res = await owner.post('/api/v1/members/invitations', { email: 'Alice@Example.com', role: 'finance' });
    expect(res.status).toBe(201);
    const inv = await json<Inv>(res);
    expect(inv).toMatchObject({ email: 'alice@example.com', role: 'finance', status: 'pending' });
    // The default validity is 72 hours.
    expect(Date.parse(inv.expiresAt) - Date.parse(inv.createdAt)).toBe(72 * 3_600_000);
    expect(Object.keys(inv).sort()).toEqual(['createdAt', 'email', 'expiresAt', 'id', 'role', 'status']);

    // The outbox job delivers it through the email channel (SMTP when configured).
    await deliverOutboxJob.run(t.deps, 'acct_demo', t.clock.now());
    const mail = sent.find((m) => m.to === 'alice@example.com');
    expect(mail?.subject).toContain('Demo');
    const token = /#token=([\w-]+)/.exec(mail?.body ?? '')?.[1] ?? '';
    expect(token).toBe(await invitationToken(t, 'alice@example.com'));
    expect(mail?.body).toContain(`${t.deps.config.publicUrl}/accept-invite#token=${token}`);

    // Only a hash of the token is stored.
    const [row] = await t.deps.db.select().from(invitations).where(eq(invitations.id, inv.id));
    expect(row?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);

    const p = await preview(token);
    expect(p.status).toBe(200);
    expect(await json(p)).toMatchObject({
      email: 'alice@example.com',
      role: 'finance',
      accountName: expect.any(String),
    });

    const done = await accept(token, 'alice-password-1', 'Alice Liu');
    expect(done.status).toBe(200);
    const sid = /sid=([^;]+)/.exec(done.headers.get('set-cookie') ?? '')?.[1];
    expect(sid).toBeDefined();
    const me = await json<{ user: { name: string; roles: string[] }; account: { id: string } }>(
      await t.app.request('http://localhost/api/v1/me', { headers: { cookie: `sid=${sid}` } }),
    );
    expect(me).toMatchObject({ user: { name: 'Alice Liu', roles: ['finance'] }, account: { id: 'acct_demo' } });
    // Finance may buy but not manage users (R9.1).
    const alice = await t.login('alice@example.com', 'alice-password-1');
    expect((await alice.get('/api/v1/members/invitations')).status).toBe(403);
    // Accepted invitations leave the pending list; the member list has her.
    const pending = await json<{ items: Inv[] }>(await owner.get('/api/v1/members/invitations'));
    expect(pending.items.map((i) => i.email)).not.toContain('alice@example.com');
    const members = await json<{ items: { email: string; role: string }[] }>(await owner.get('/api/v1/account/users'));
    expect(members.items).toContainEqual(expect.objectContaining({ email: 'alice@example.com', role: 'finance' }));
    expect(await actions(inv.id)).toEqual(['member.invitation.sent:ok', 'member.invitation.accepted:ok']);
  });

  it('R9.1 a link works once: using it again is 409 INVITATION_USED', async () => {
    const owner = await t.login('demo@example.com');
    await owner.post('/api/v1/members/invitations', { email: 'bob@example.com', role: 'viewer' });
    const token = await invitationToken(t, 'bob@example.com');
    expect((await accept(token)).status).toBe(200);
    for (const again of [await accept(token, 'another-password-2'), await preview(token)]) {
      expect(again.status).toBe(409);
      expect(again.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect((await json(again)).code).toBe('INVITATION_USED');
    }
    // The second attempt did not change the password.
    expect(
      (await t.anon.post('/api/v1/auth/login', { email: 'bob@example.com', password: 'a-long-password-1' })).status,
    ).toBe(200);
  });

  it('R9.1 two concurrent uses of one link: exactly one succeeds, one user is created', async () => {
    const owner = await t.login('demo@example.com');
    await owner.post('/api/v1/members/invitations', { email: 'race@example.com', role: 'viewer' });
    const token = await invitationToken(t, 'race@example.com');
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => accept(token, `race-password-${i}`)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expect((await json(r)).code).toBe('INVITATION_USED');
    const created = await t.deps.db.select().from(users).where(eq(users.email, 'race@example.com'));
    expect(created).toHaveLength(1);
  });

  it('R9.1 a link expires after the set time: 410 INVITATION_EXPIRED, listed as expired, audited', async () => {
    const owner = await t.login('demo@example.com');
    const inv = await json<Inv>(
      await owner.post('/api/v1/members/invitations', { email: 'late@example.com', role: 'viewer' }),
    );
    const token = await invitationToken(t, 'late@example.com');
    t.clock.advance(72 * 3_600_000);
    const owner2 = await t.login('demo@example.com');
    for (const r of [await preview(token), await accept(token)]) {
      expect(r.status).toBe(410);
      expect((await json(r)).code).toBe('INVITATION_EXPIRED');
    }
    const list = await json<{ items: Inv[] }>(await owner2.get('/api/v1/members/invitations'));
    expect(list.items.find((i) => i.id === inv.id)?.status).toBe('expired');
    expect(await actions(inv.id)).toEqual(['member.invitation.sent:ok', 'member.invitation.expired:refused']);
    // Re-inviting sends a fresh link that works.
    await owner2.post('/api/v1/members/invitations', { email: 'late@example.com', role: 'viewer' });
    expect((await accept(await invitationToken(t, 'late@example.com'))).status).toBe(200);
  });

  it('R9.1 re-inviting replaces the old link, and a revoked link is 410 INVITATION_REVOKED', async () => {
    const owner = await t.login('demo@example.com');
    const first = await json<Inv>(
      await owner.post('/api/v1/members/invitations', { email: 'carol@example.com', role: 'viewer' }),
    );
    const oldToken = await invitationToken(t, 'carol@example.com');
    const second = await json<Inv>(
      await owner.post('/api/v1/members/invitations', { email: 'carol@example.com', role: 'finance' }),
    );
    const newToken = await invitationToken(t, 'carol@example.com');
    expect(newToken).not.toBe(oldToken);
    const old = await accept(oldToken);
    expect(old.status).toBe(410);
    expect((await json(old)).code).toBe('INVITATION_REVOKED');
    const list = await json<{ items: Inv[] }>(await owner.get('/api/v1/members/invitations'));
    expect(list.items.filter((i) => i.email === 'carol@example.com').map((i) => [i.id, i.role])).toEqual([
      [second.id, 'finance'],
    ]);
    // The refused use of the replaced link is audited too.
    expect(await actions(first.id)).toEqual([
      'member.invitation.sent:ok',
      'member.invitation.revoked:ok',
      'member.invitation.accept:refused',
    ]);

    expect((await owner.delete(`/api/v1/members/invitations/${second.id}`)).status).toBe(204);
    expect((await owner.delete(`/api/v1/members/invitations/${second.id}`)).status).toBe(404);
    const revoked = await preview(newToken);
    expect(revoked.status).toBe(410);
    expect((await json(revoked)).code).toBe('INVITATION_REVOKED');
    expect(await actions(second.id)).toEqual(['member.invitation.sent:ok', 'member.invitation.revoked:ok']);
  });

  it("R9.1 inviting another account's user answers exactly as inviting a new address, and accepting it is refused to the link holder only", async () => {
    const owner = await t.login('demo@example.com');
    const shape = async (email: string) => {
      const r = await owner.post('/api/v1/members/invitations', { email, role: 'viewer' });
      const body = await json<Inv>(r);
      return {
        status: r.status,
        type: r.headers.get('content-type'),
        keys: Object.keys(body).sort(),
        role: body.role,
        state: body.status,
        ttl: Date.parse(body.expiresAt) - Date.parse(body.createdAt),
      };
    };
    const fresh = await shape('nobody-yet@example.com');
    expect(await shape('other@example.com')).toEqual(fresh); // owner of another account
    expect(await shape('agent@example.com')).toEqual(fresh); // staff
    // The email goes out the same way.
    const token = await invitationToken(t, 'other@example.com');
    // The owner's list shows it pending, like any invitation not yet accepted.
    const list = await json<{ items: Inv[] }>(await owner.get('/api/v1/members/invitations'));
    expect(list.items.find((i) => i.email === 'other@example.com')?.status).toBe('pending');

    // The mailbox's owner (the only one holding the link) is told why it cannot be accepted.
    const before = await json<{ items: { id: string }[] }>(await owner.get('/api/v1/audit?limit=200'));
    const r = await accept(token);
    expect(r.status).toBe(409);
    expect((await json(r)).code).toBe('EMAIL_IN_USE');
    // Nothing changed for that user, and the inviting account's audit log shows no refusal.
    expect(
      (await t.anon.post('/api/v1/auth/login', { email: 'other@example.com', password: 'demo-pass-2026' })).status,
    ).toBe(200);
    const log = await json<{ items: { id: string; action: string; outcome: string }[] }>(
      await owner.get('/api/v1/audit?limit=200'),
    );
    expect(log.items.map((e) => e.id)).toEqual(before.items.map((e) => e.id));
  });

  it('R9.1 only the owner invites and revokes; an unknown link is 404; weak passwords are 400', async () => {
    const viewer = await t.login('viewer@example.com');
    expect((await viewer.post('/api/v1/members/invitations', { email: 'v@example.com', role: 'viewer' })).status).toBe(
      403,
    );
    expect((await viewer.get('/api/v1/members/invitations')).status).toBe(403);
    expect((await accept('A'.repeat(43))).status).toBe(404);
    const owner = await t.login('demo@example.com');
    await owner.post('/api/v1/members/invitations', { email: 'weak@example.com', role: 'viewer' });
    const weak = await accept(await invitationToken(t, 'weak@example.com'), 'short');
    expect(weak.status).toBe(400);
    expect((await json(weak)).code).toBe('INVALID_REQUEST');
  });

  it('R9.1 the invitation email is not a notice in the account’s notification centre', async () => {
    const owner = await t.login('demo@example.com');
    const list = await json<{ items: { kind: string; body: string }[] }>(
      await owner.get('/api/v1/notifications?limit=200'),
    );
    expect(list.items.some((n) => n.kind === 'member_invited')).toBe(false);
    // The email itself is in the outbox for the invitee only.
    const mails = await t.deps.db
      .select({ to: outbox.recipient })
      .from(outbox)
      .where(eq(outbox.recipient, 'demo@example.com'));
    expect(mails.every((m) => m.to === 'demo@example.com')).toBe(true);
  });
});
