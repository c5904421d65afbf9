import { packs, resources } from '@idv/db';
import { and, eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenForChanges } from '../src/http/change-listener.ts';
import { SessionSnapshots } from '../src/http/session-snapshots.ts';
import { ReadCache } from '../src/lib/read-cache.ts';
import { issueServiceKey } from '../src/use-cases/resources/create-service-key.ts';
import { createTestApp, json, onPostgres, type TestApp } from './harness.ts';
import { ev, ingestOk } from './usage-fixtures.ts';

// Issue 15 (docs/decisions/0020): an instance keeps pages of GET /packs in memory. These tests pin
// what that must never cost: a page is kept only while nothing about it changed. A write through the
// API drops every page before its answer leaves (read-your-writes); a change of a pack row by anyone
// else (a job, a script) reaches every instance through the packs trigger's notification; a page is
// never shown past the first instant at which time alone changes it (a pack expiring, a refund window
// closing), on the process clock or a demo tenant's. A change made behind the cache's back with no
// notification (a database edit in a test, where nothing LISTENs) is what proves a page was kept.
type PackItem = {
  id: string;
  label: string;
  used: number;
  status: string;
  expiresAt: string;
  source: string;
  refund: { eligible: boolean; reason: string | null; deadline: string | null };
};
type Page = { items: PackItem[]; nextCursor: string | null };

let t: Awaited<ReturnType<typeof createTestApp>>;
const cache = new ReadCache<never>(60_000);
beforeAll(async () => {
  t = await createTestApp();
  t.deps.packPages = cache as never;
});
afterAll(async () => t?.close());

/** Changes a pack's row directly in the database: no API write, no notification heard here. */
const behindTheCache = (id: string, set: Partial<typeof packs.$inferInsert>) =>
  t.deps.db
    .update(packs)
    .set(set)
    .where(and(eq(packs.accountId, 'acct_demo'), eq(packs.id, BigInt(id))));

const page = async (c: Awaited<ReturnType<TestApp['login']>>, query = '') =>
  json<Page>(await c.get(`/api/v1/packs?limit=100${query}`));

describe('issue 15 GET /packs pages kept in memory', () => {
  it('R3.6 a page is answered again while nothing changed, and an invalidation of its account drops it', async () => {
    const owner = await t.login('demo@example.com');
    const first = await page(owner);
    const active = first.items.find((p) => p.status === 'active');
    expect(active).toBeDefined();
    if (!active) return;
    await behindTheCache(active.id, { used: active.used + 1 });
    // Kept: the change made behind the cache's back is not seen yet.
    expect((await page(owner)).items.find((p) => p.id === active.id)?.used).toBe(active.used);
    // Another account's invalidation leaves it; its own (the trigger's notification) drops it.
    cache.invalidate('acct_other');
    expect((await page(owner)).items.find((p) => p.id === active.id)?.used).toBe(active.used);
    cache.invalidate('acct_demo');
    expect((await page(owner)).items.find((p) => p.id === active.id)?.used).toBe(active.used + 1);
    await behindTheCache(active.id, { used: active.used });
    cache.invalidate('acct_demo');
  });

  it('R2.4 a write through the API drops every kept page before its answer leaves (read-your-writes)', async () => {
    const owner = await t.login('demo@example.com');
    const before = await page(owner);
    const order = await owner.post(
      '/api/v1/orders',
      { label: 'basic.selfie', size: 1000, quantity: 1 },
      { 'idempotency-key': 'pack-pages-order-1' },
    );
    expect(order.status).toBe(201);
    const after = await page(owner);
    expect(after.items.length).toBe(before.items.length + 1);
  });

  it("R4.2 usage ingested with a service key shows in the pack list at once (its account's pages dropped)", async () => {
    const owner = await t.login('demo@example.com');
    const before = await page(owner);
    const active = before.items.find((p) => p.status === 'active');
    const [res] = await t.deps.db.select().from(resources).where(eq(resources.accountId, 'acct_demo')).limit(1);
    if (!active || !res) throw new Error('the demo account has no active pack or no resource');
    const { key } = await issueServiceKey(t.deps, 'acct_demo', 'pack pages test', t.clock.now());
    const [outcome] = await ingestOk(t, key, [
      ev('pack-pages-ev-1', active.label, res.id, t.clock.now().toISOString()),
    ]);
    expect(outcome?.outcome).toBe('pack');
    const was = before.items.find((p) => p.id === outcome?.packId);
    expect(was).toBeDefined();
    expect((await page(owner)).items.find((p) => p.id === outcome?.packId)?.used).toBe((was?.used ?? 0) + 1);
  });

  it('R4.5 a kept page never shows a pack active past its expiry: the clock crossing it is a miss', async () => {
    const owner = await t.login('demo@example.com');
    const first = await page(owner);
    const soonest = first.items
      .filter((p) => p.status === 'active')
      .sort((a, b) => a.expiresAt.localeCompare(b.expiresAt))[0];
    expect(soonest).toBeDefined();
    if (!soonest) return;
    const expiredBefore = await page(owner, '&status=expired');
    expect(expiredBefore.items.some((p) => p.id === soonest.id)).toBe(false);
    const start = t.clock.now();
    // A second before its expiry (signed in again: sessions end when the clock jumps), the page is kept…
    t.clock.set(new Date(new Date(soonest.expiresAt).getTime() - 1_000));
    const again = await t.login('demo@example.com');
    expect((await page(again)).items.find((p) => p.id === soonest.id)?.status).toBe('active');
    expect((await page(again, '&status=expired')).items.some((p) => p.id === soonest.id)).toBe(false);
    await page(again, '&sort=activeFirst');
    // …up to its expiry (shown to the second: the pack ends at …:59.999, expired only once past it)…
    t.clock.advance(1_000);
    expect((await page(again)).items.find((p) => p.id === soonest.id)?.status).toBe('active');
    // …and not past it, with no write in between.
    t.clock.advance(1_000);
    expect((await page(again)).items.find((p) => p.id === soonest.id)?.status).toBe('expired');
    // A page filtered on `expired` gains a pack it did not show when the pack expires.
    expect((await page(again, '&status=expired')).items.some((p) => p.id === soonest.id)).toBe(true);
    // …and the active-first order moves it behind the active ones.
    const ranked = await page(again, '&sort=activeFirst');
    const at = ranked.items.findIndex((p) => p.id === soonest.id);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(ranked.items.slice(at).every((p) => p.status !== 'active')).toBe(true);
    t.clock.set(start);
  });

  it('R8.1 a kept page never offers a refund past the window: the deadline crossing it is a miss', async () => {
    const owner = await t.login('demo@example.com');
    const order = await owner.post(
      '/api/v1/orders',
      { label: 'basic.selfie', size: 1000, quantity: 1 },
      { 'idempotency-key': 'pack-pages-order-2' },
    );
    expect(order.status).toBe(201);
    const start = t.clock.now();
    const bought = (await page(owner, '&sort=-expiresAt')).items.find(
      (p) => p.source === 'purchase' && p.refund.eligible,
    );
    expect(bought?.refund.deadline).toBeTruthy();
    if (!bought?.refund.deadline) return;
    t.clock.set(new Date(new Date(bought.refund.deadline).getTime() - 1_000));
    const again = await t.login('demo@example.com');
    expect((await page(again, '&sort=-expiresAt')).items.find((p) => p.id === bought.id)?.refund.eligible).toBe(true);
    t.clock.advance(1_000);
    expect((await page(again, '&sort=-expiresAt')).items.find((p) => p.id === bought.id)?.refund.eligible).toBe(true);
    t.clock.advance(1_000); // the window ends at …:59.999 (R8.1); shown to the second
    const closed = (await page(again, '&sort=-expiresAt')).items.find((p) => p.id === bought.id);
    expect(closed?.refund).toMatchObject({ eligible: false, reason: 'REFUND_WINDOW_CLOSED' });
    t.clock.set(start);
  });
});

describe('ReadCache', () => {
  it('keeps an entry for its TTL, within its validity window, and not one read before an invalidation', async () => {
    const c = new ReadCache<string>(50);
    const at = (generation: number) => ({ generation, readAt: performance.now(), validFrom: 100, validUntil: 200 });
    c.set('a', 'k', 'v1', at(c.generation));
    expect(c.get('a', 'k', 100)).toBe('v1');
    expect(c.get('a', 'k', 199)).toBe('v1');
    expect(c.get('a', 'k', 200)).toBeUndefined(); // past its window: dropped
    c.set('a', 'k', 'v1', at(c.generation));
    expect(c.get('a', 'k', 99)).toBeUndefined(); // a clock moved back before the load
    const racing = c.generation;
    c.invalidate('b');
    c.set('a', 'k', 'v2', at(racing)); // a load that began before an invalidation stores nothing
    expect(c.get('a', 'k', 150)).toBeUndefined();
    c.set('a', 'k', 'v3', at(c.generation));
    c.set('b', 'k', 'w', at(c.generation));
    c.invalidate('a');
    expect(c.get('a', 'k', 150)).toBeUndefined();
    expect(c.get('b', 'k', 150)).toBe('w');
    await new Promise((ok) => setTimeout(ok, 60));
    expect(c.get('b', 'k', 150)).toBeUndefined(); // past its TTL
  });
});

// PostgreSQL only: the trigger's notification and a real LISTEN (PGlite has one process, nothing to tell).
describe.runIf(onPostgres)('issue 15 GET /packs pages hear of changes made by anyone (packs trigger + LISTEN)', () => {
  let listener: postgres.Sql | undefined;
  afterAll(async () => listener?.end({ timeout: 5 }));

  it('R3.6 a pack changed outside the API (as a job does) is seen by the next reads, without any API write', async () => {
    const url = t.testDb.url;
    expect(url).toBeTruthy();
    listener = postgres(url ?? '', { max: 1, onnotice: () => {} });
    await listenForChanges(listener, { sessionSnapshots: new SessionSnapshots(1_000), packPages: cache as never });
    const owner = await t.login('demo@example.com');
    const first = await page(owner);
    const active = first.items.find((p) => p.status === 'active');
    if (!active) throw new Error('no active pack');
    await page(owner); // kept
    await behindTheCache(active.id, { used: active.used + 2 });
    // The notification arrives after the commit, asynchronously: poll until this instance has heard it.
    // The cache's own TTL here is 60 s, so only the notification can make the change show.
    let used = active.used;
    for (let i = 0; i < 500 && used === active.used; i++) {
      await new Promise((ok) => setTimeout(ok, 20));
      used = (await page(owner)).items.find((p) => p.id === active.id)?.used ?? -1;
    }
    expect(used).toBe(active.used + 2);
    await behindTheCache(active.id, { used: active.used });
  });
});
