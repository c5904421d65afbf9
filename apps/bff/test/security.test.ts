import { sessions } from '@idv/db';
import { describe, expect, it } from 'vitest';
import { json, useTestApp } from './harness.ts';
import { inviteAndAccept } from './invitation-fixtures.ts';

const t = useTestApp({ config: { sessionIdleMs: 30 * 60_000, sessionAbsoluteMs: 12 * 3_600_000 } });

describe('R9.1 account members', () => {
  it('R9.1 the owner invites a viewer who can read but not manage users, changes roles, and keeps one owner', async () => {
    const owner = await t.login('demo@example.com');
    const member = await inviteAndAccept(t, owner, 'New.Finance@Example.com', 'viewer', 'new-finance-pass');
    const me = await json<{ user: { id: string; email: string; roles: string[] } }>(await member.get('/api/v1/me'));
    expect(me.user).toMatchObject({ email: 'new.finance@example.com', roles: ['viewer'] });
    expect((await member.get('/api/v1/packs')).status).toBe(200);
    expect((await member.post('/api/v1/members/invitations', { email: 'x@example.com', role: 'owner' })).status).toBe(
      403,
    );
    const promoted = await owner.patch(`/api/v1/account/users/${me.user.id}`, { role: 'finance' });
    expect(await json(promoted)).toMatchObject({ role: 'finance' });
    // The only owner cannot demote themselves or be removed.
    expect((await owner.patch('/api/v1/account/users/usr_demo', { role: 'viewer' })).status).toBe(409);
    expect((await owner.delete('/api/v1/account/users/usr_demo')).status).toBe(409);
    // A member of this very account: the owner already sees them, so saying so reveals nothing.
    const dup = await owner.post('/api/v1/members/invitations', { email: 'viewer@example.com', role: 'viewer' });
    expect(dup.status).toBe(409);
    expect((await json(dup)).code).toBe('ALREADY_MEMBER');
    expect((await owner.delete(`/api/v1/account/users/${me.user.id}`)).status).toBe(204);
    expect(
      (await t.anon.post('/api/v1/auth/login', { email: 'new.finance@example.com', password: 'new-finance-pass' }))
        .status,
    ).toBe(401);
  });

  it("R9.1 another account's user is 404 to an owner", async () => {
    const other = await t.login('other@example.com');
    expect((await other.patch('/api/v1/account/users/usr_viewer', { role: 'owner' })).status).toBe(404);
    expect((await other.delete('/api/v1/account/users/usr_viewer')).status).toBe(404);
    const list = await json<{ items: { email: string }[] }>(await other.get('/api/v1/account/users'));
    expect(list.items.map((u) => u.email)).toEqual(['other@example.com']);
  });
});

describe('sessions and sign-in hardening', () => {
  it('rotates the session at every sign-in and ends it at sign-out', async () => {
    const a = await t.anon.post('/api/v1/auth/login', { email: 'viewer@example.com', password: 'demo-pass-2026' });
    const b = await t.anon.post('/api/v1/auth/login', { email: 'viewer@example.com', password: 'demo-pass-2026' });
    const sid = (r: Response) => /sid=([^;]+)/.exec(r.headers.get('set-cookie') ?? '')?.[1];
    expect(sid(a)).toBeDefined();
    expect(sid(a)).not.toBe(sid(b));
    // The database stores only a hash of the token.
    const stored = await t.deps.db.select({ id: sessions.id }).from(sessions);
    expect(stored.some((s) => s.id === sid(a))).toBe(false);
  });

  it('expires a session after the idle limit and after the absolute limit', async () => {
    const c = await t.login('viewer@example.com');
    t.clock.advance(29 * 60_000);
    expect((await c.get('/api/v1/me')).status).toBe(200);
    t.clock.advance(31 * 60_000);
    expect((await c.get('/api/v1/me')).status).toBe(401);
    const d = await t.login('viewer@example.com');
    for (let i = 0; i < 28; i++) {
      t.clock.advance(25 * 60_000);
      expect((await d.get('/api/v1/me')).status).toBe(200);
    }
    // 28 × 25 min = 11 h 40 min of activity; the 12-hour absolute limit ends it anyway.
    t.clock.advance(25 * 60_000);
    expect((await d.get('/api/v1/me')).status).toBe(401);
  });

  // Sign-in throttling (per account and source, shared through the database): sign-in-throttling.test.ts.

  it('sends security headers: CSP without inline script, no framing, nosniff, referrer policy', async () => {
    const res = await t.anon.get('/api/v1/openapi.json');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('refuses bodies over the size limit with 413 problem+json', async () => {
    const big = 'x'.repeat(3 * 1024 * 1024);
    const res = await t.anon.raw('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(big.length + 30) },
      body: JSON.stringify({ email: big, password: 'x' }),
    });
    expect(res.status).toBe(413);
    expect((await json(res)).code).toBe('PAYLOAD_TOO_LARGE');
  });
});
