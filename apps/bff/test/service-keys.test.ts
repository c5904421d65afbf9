import { serviceKeys } from '@idv/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../src/lib/crypto.ts';
import { allPageItems, json, useTestApp } from './harness.ts';

type Key = { id: string; name: string; prefix: string; createdAt: string; revokedAt: string | null; key?: string };

const t = useTestApp();

const event = (id: string) => ({
  id,
  label: 'identity.basic',
  resourceId: 'res-kyc-prod',
  result: 'success',
  occurredAt: '2026-11-20T09:00:00+08:00',
});

describe('usage service keys (issue 3, R9.1)', () => {
  it('creates a key shown once, stored only as its sha-256, usable at once for ingest', async () => {
    const owner = await t.login('demo@example.com');
    const res = await owner.post('/api/v1/service-keys', { name: 'prod verifier' });
    expect(res.status).toBe(201);
    const created = await json<Key>(res);
    expect(created.key).toMatch(/^idv_sk_[A-Za-z0-9_-]{20,}$/);
    expect(created.key?.startsWith(created.prefix)).toBe(true);
    expect(created).toMatchObject({ name: 'prod verifier', revokedAt: null });
    const [row] = await t.deps.db.select().from(serviceKeys).where(eq(serviceKeys.id, created.id));
    expect(row?.keyHash).toBe(sha256(created.key ?? ''));
    expect(JSON.stringify(row)).not.toContain(created.key);
    const list = await json<{ items: Key[]; nextCursor: null }>(await owner.get('/api/v1/service-keys'));
    const listed = list.items.find((k) => k.id === created.id);
    expect(listed).toBeDefined();
    expect(listed?.key).toBeUndefined();
    const ingest = await t.anon.post(
      '/api/v1/usage/events',
      { events: [event('k1')] },
      { authorization: `Bearer ${created.key}` },
    );
    expect(ingest.status).toBe(200);
  });

  it('revokes a key: it stops authenticating and shows its revocation time', async () => {
    const owner = await t.login('demo@example.com');
    const created = await json<Key>(await owner.post('/api/v1/service-keys', {}));
    expect(created.name).toBe('Usage key');
    expect((await owner.delete(`/api/v1/service-keys/${created.id}`)).status).toBe(204);
    const list = await json<{ items: Key[] }>(await owner.get('/api/v1/service-keys'));
    expect(list.items.find((k) => k.id === created.id)?.revokedAt).toMatch(/\+08:00$/);
    const ingest = await t.anon.post(
      '/api/v1/usage/events',
      { events: [event('k2')] },
      { authorization: `Bearer ${created.key}` },
    );
    expect(ingest.status).toBe(401);
  });

  it('R9.1 a viewer gets 403; another account’s key is 404; without a session 401', async () => {
    const owner = await t.login('demo@example.com');
    const created = await json<Key>(await owner.post('/api/v1/service-keys', { name: 'x' }));
    const viewer = await t.login('viewer@example.com');
    expect((await viewer.get('/api/v1/service-keys')).status).toBe(403);
    expect((await viewer.post('/api/v1/service-keys', { name: 'v' })).status).toBe(403);
    expect((await viewer.delete(`/api/v1/service-keys/${created.id}`)).status).toBe(403);
    const other = await t.login('other@example.com');
    const res = await other.delete(`/api/v1/service-keys/${created.id}`);
    expect(res.status).toBe(404);
    expect((await json(res)).code).toBe('NOT_FOUND');
    const theirs = await json<{ items: Key[] }>(await other.get('/api/v1/service-keys'));
    expect(theirs.items.some((k) => k.id === created.id)).toBe(false);
    expect((await t.anon.get('/api/v1/service-keys')).status).toBe(401);
    expect((await owner.post('/api/v1/service-keys', { name: '' })).status).toBe(400);
    expect((await owner.delete('/api/v1/service-keys/not-a-key')).status).toBe(400);
  });
});

describe('resources (R4.1, R5.5)', () => {
  it('lists the account’s applications with a stable cursor and creates new ones (201, res-…)', async () => {
    const owner = await t.login('demo@example.com');
    const res = await owner.post('/api/v1/resources', {
      alias: 'Mini program',
      project: 'growth',
      region: 'ap-chengdu',
    });
    expect(res.status).toBe(201);
    const created = await json<{ id: string; alias: string }>(res);
    expect(created.id).toMatch(/^res-[0-9a-f]{12}$/);
    const seen = (await allPageItems<{ id: string }>(owner, '/api/v1/resources?limit=2')).map((i) => i.id);
    expect(seen).toEqual(expect.arrayContaining(['res-kyc-prod', 'res-kyc-test', 'res-risk-web', created.id]));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).not.toContain('res-other-app');
  });

  it('R9.1 a viewer may list but not create; bad input is 400', async () => {
    const viewer = await t.login('viewer@example.com');
    expect((await viewer.get('/api/v1/resources')).status).toBe(200);
    expect((await viewer.post('/api/v1/resources', { alias: 'a', project: 'b', region: 'c' })).status).toBe(403);
    const owner = await t.login('demo@example.com');
    const bad = await owner.post('/api/v1/resources', { alias: '', project: 'b' });
    expect(bad.status).toBe(400);
    expect((await json<{ errors: { path: string }[] }>(bad)).errors.map((e) => e.path).sort()).toEqual([
      'alias',
      'region',
    ]);
  });
});
