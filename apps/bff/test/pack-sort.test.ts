import { describe, expect, it } from 'vitest';
import { allPageItems, type Client, json, useTestApp } from './harness.ts';

type Pack = { id: string; status: string; expiresAt: string };
type List<T> = { items: T[]; nextCursor: string | null };

const t = useTestApp();

describe('pack list sort activeFirst (issue 17, R3.5)', () => {
  const pages = (c: Client, qs: string, limit: number) => allPageItems<Pack>(c, `/api/v1/packs?limit=${limit}${qs}`);

  it('R3.5 lists active packs first, then the others, each by expiry, and pages without repeating or losing a pack', async () => {
    const c = await t.login('demo@example.com');
    const one: List<Pack> = await json(await c.get('/api/v1/packs?limit=200&sort=activeFirst'));
    const all = one.items;
    expect(new Set(all.map((p) => p.status))).toEqual(new Set(['active', 'exhausted', 'expired', 'refunded']));
    const firstOther = all.findIndex((p) => p.status !== 'active');
    expect(firstOther).toBeGreaterThan(0);
    expect(all.slice(firstOther).every((p) => p.status !== 'active')).toBe(true);
    for (const group of [all.slice(0, firstOther), all.slice(firstOther)]) {
      const expiries = group.map((p) => Date.parse(p.expiresAt));
      expect(expiries).toEqual([...expiries].sort((a, b) => a - b));
    }
    // Every page size crosses the active/other boundary somewhere; the pages join into the same list.
    for (const limit of [1, 2, 3, 7]) {
      const paged = await pages(c, '&sort=activeFirst', limit);
      expect(paged.map((p) => p.id)).toEqual(all.map((p) => p.id));
    }
  });

  it('keeps the API default (expiry order) for callers that do not ask for it', async () => {
    const c = await t.login('demo@example.com');
    const plain: List<Pack> = await json(await c.get('/api/v1/packs?limit=200'));
    const expiries = plain.items.map((p) => Date.parse(p.expiresAt));
    expect(expiries).toEqual([...expiries].sort((a, b) => a - b));
  });

  it('refuses a cursor of another sort instead of guessing', async () => {
    const c = await t.login('demo@example.com');
    const first: List<Pack> = await json(await c.get('/api/v1/packs?limit=1'));
    expect(first.nextCursor).not.toBeNull();
    const res = await c.get(`/api/v1/packs?limit=1&sort=activeFirst&cursor=${first.nextCursor}`);
    expect(res.status).toBe(400);
  });
});
