import { notifications, serviceKeys, usageEvents } from '@idv/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { json, useTestApp } from './harness.ts';
import { addPack, countEvents, createAccount, cst, ev, eventRow, ingest, ingestOk, packRow } from './usage-fixtures.ts';

// The test clock: 2026-11-20 10:00 CST; yesterday (2026-11-19) is settled for these accounts.
const t = useTestApp();

const TODAY = '2026-11-20';
const at = (hm: string) => `${TODAY}T${hm}:00+08:00`;
const SETTLED = { settledThrough: '2026-11-19' };

describe('R4.1 ingest authentication and batch validation', () => {
  it('R4.1 accepts only a live service key as Bearer; no key, a bad key or a session cookie is 401', async () => {
    const a = await createAccount(t, SETTLED);
    const body = { events: [ev('x1', 'identity.basic', a.resources[0], at('09:00'))] };
    const none = await t.anon.post('/api/v1/usage/events', body);
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toMatch(/problem\+json/);
    const bad = await t.anon.post('/api/v1/usage/events', body, { authorization: 'Bearer idv_sk_nope' });
    expect(bad.status).toBe(401);
    const session = await t.login('demo@example.com');
    expect((await session.post('/api/v1/usage/events', body)).status).toBe(401);
    expect(await countEvents(t, a.id)).toBe(0);
    expect((await ingest(t, a.key, body.events)).status).toBe(200);
  });

  it.each([
    ['empty batch', { events: [] }],
    [
      '1001 events',
      { events: Array.from({ length: 1001 }, (_, i) => ev(`e${i}`, 'identity.basic', 'r', at('09:00'))) },
    ],
    ['unknown result code', { events: [{ ...ev('m1', 'identity.basic', 'r', at('09:00')), result: 'great' }] }],
    ['time without offset', { events: [ev('m2', 'identity.basic', 'r', '2026-11-20T09:00:00')] }],
    [
      'missing id',
      { events: [{ label: 'identity.basic', resourceId: 'r', result: 'success', occurredAt: at('09:00') }] },
    ],
    ['extra field', { events: [{ ...ev('m3', 'identity.basic', 'r', at('09:00')), price: 1 }] }],
    ['not an object', { events: 'nope' }],
  ])('R4.1 a malformed batch (%s) is refused whole with 400 and nothing is recorded', async (_n, body) => {
    const a = await createAccount(t, SETTLED);
    const good = ev('good-1', 'identity.basic', a.resources[0], at('09:00'));
    const events = Array.isArray(body.events) && body.events.length > 0 ? [good, ...body.events] : body.events;
    const res = await t.app.request('http://localhost/api/v1/usage/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${a.key}` },
      body: JSON.stringify({ events }),
    });
    expect(res.status).toBe(400);
    expect((await json(res)).code).toBe('INVALID_REQUEST');
    expect(await countEvents(t, a.id)).toBe(0);
  });

  it('R4.1 a revoked key stops working at once', async () => {
    const a = await createAccount(t, SETTLED);
    await t.deps.db.update(serviceKeys).set({ revokedAt: t.clock.now() }).where(eq(serviceKeys.accountId, a.id));
    expect((await ingest(t, a.key, [ev('r1', 'identity.basic', a.resources[0], at('09:00'))])).status).toBe(401);
  });
});

describe('R4.4–R4.6 rejections (stored with their code, never charged)', () => {
  it('R4.6 UNKNOWN_LABEL, UNKNOWN_RESOURCE (also another account’s), FUTURE_EVENT and DAY_SETTLED', async () => {
    const a = await createAccount(t, SETTLED);
    const now = t.clock.now().getTime();
    const skew = t.deps.config.clockSkewMs;
    const out = await ingestOk(t, a.key, [
      ev('u1', 'no.such.label', a.resources[0], at('09:00')),
      ev('u2', 'identity.basic', 'res-kyc-prod', at('09:00')),
      ev('u3', 'identity.basic', 'res-nowhere', at('09:00')),
      ev('u4', 'identity.basic', a.resources[0], new Date(now + skew + 1000).toISOString()),
      ev('u5', 'identity.basic', a.resources[0], new Date(now + skew - 1000).toISOString()),
      ev('u6', 'identity.basic', a.resources[0], '2026-11-19T23:59:59+08:00'),
      ev('u7', 'identity.basic', a.resources[0], '2026-11-20T00:00:00+08:00'),
    ]);
    expect(out).toEqual([
      { id: 'u1', outcome: 'rejected', code: 'UNKNOWN_LABEL' },
      { id: 'u2', outcome: 'rejected', code: 'UNKNOWN_RESOURCE' },
      { id: 'u3', outcome: 'rejected', code: 'UNKNOWN_RESOURCE' },
      { id: 'u4', outcome: 'rejected', code: 'FUTURE_EVENT' },
      { id: 'u5', outcome: 'postpaid' },
      { id: 'u6', outcome: 'rejected', code: 'DAY_SETTLED' },
      { id: 'u7', outcome: 'postpaid' },
    ]);
    const u6 = await eventRow(t, a.id, 'u6');
    expect(u6).toMatchObject({ outcome: 'rejected', code: 'DAY_SETTLED', rule: 'rejected_day_settled', packId: null });
    expect(await eventRow(t, a.id, 'u4')).toMatchObject({ code: 'FUTURE_EVENT', rule: 'rejected_future_event' });
  });

  it('R4.6 FUTURE_EVENT is judged against a demo tenant’s simulated clock, not the real one', async () => {
    const a = await createAccount(t, { settledThrough: '2026-11-19' });
    const { accounts } = await import('@idv/db');
    await t.deps.db
      .update(accounts)
      .set({ isDemo: true, simulatedNow: cst('2026-11-25T10:00:00') })
      .where(eq(accounts.id, a.id));
    const out = await ingestOk(t, a.key, [ev('d1', 'identity.basic', a.resources[0], '2026-11-25T09:00:00+08:00')]);
    expect(out[0]).toEqual({ id: 'd1', outcome: 'postpaid' });
  });

  it('R4.4 with postpaid off a call no pack can take is NO_QUOTA; pack calls still go through', async () => {
    const a = await createAccount(t, { ...SETTLED, postpaidEnabled: false });
    const p = await addPack(t, a.id, { label: 'identity.basic', total: 1, acquiredAt: cst('2026-11-01T10:00:00') });
    const out = await ingestOk(t, a.key, [
      ev('n1', 'identity.basic', a.resources[0], at('09:00')),
      ev('n2', 'identity.basic', a.resources[0], at('09:01')),
      ev('n3', 'identity.basic', a.resources[0], at('09:02'), 'timeout'),
    ]);
    expect(out).toEqual([
      { id: 'n1', outcome: 'pack', packId: p.toString() },
      { id: 'n2', outcome: 'rejected', code: 'NO_QUOTA' },
      { id: 'n3', outcome: 'free' },
    ]);
    expect(await eventRow(t, a.id, 'n2')).toMatchObject({ rule: 'rejected_no_quota' });
  });

  it.each(['suspended', 'released'] as const)(
    'R4.5 a %s account refuses every call (ACCOUNT_SUSPENDED) and packs are not deducted',
    async (status) => {
      const a = await createAccount(t, { ...SETTLED, status });
      const p = await addPack(t, a.id, { label: 'identity.basic', total: 5, acquiredAt: cst('2026-11-01T10:00:00') });
      const out = await ingestOk(t, a.key, [
        ev('s1', 'identity.basic', a.resources[0], at('09:00')),
        ev('s2', 'identity.basic', a.resources[0], at('09:00'), 'internal_error'),
      ]);
      expect(out.map((o) => o.code)).toEqual(['ACCOUNT_SUSPENDED', 'ACCOUNT_SUSPENDED']);
      expect((await packRow(t, p)).used).toBe(0);
    },
  );

  it('R4.5 an account in arrears (not yet suspended) is still served', async () => {
    const a = await createAccount(t, { ...SETTLED, status: 'arrears' });
    const out = await ingestOk(t, a.key, [ev('ar1', 'identity.basic', a.resources[0], at('09:00'))]);
    expect(out[0]?.outcome).toBe('postpaid');
  });
});

describe('R4.1 duplicates and R1.4 free calls', () => {
  it('R4.1 an id already stored, or repeated within the batch, is a duplicate and changes nothing', async () => {
    const a = await createAccount(t, SETTLED);
    const p = await addPack(t, a.id, { label: 'identity.basic', total: 10, acquiredAt: cst('2026-11-01T10:00:00') });
    const first = await ingestOk(t, a.key, [
      ev('d1', 'identity.basic', a.resources[0], at('09:00')),
      ev('d1', 'identity.basic', a.resources[0], at('09:01')),
      ev('d2', 'no.such', a.resources[0], at('09:02')),
    ]);
    expect(first.map((o) => o.outcome)).toEqual(['pack', 'duplicate', 'rejected']);
    const again = await ingestOk(t, a.key, [
      ev('d1', 'identity.basic', a.resources[0], at('09:00')),
      ev('d2', 'identity.basic', a.resources[0], at('09:02')),
    ]);
    expect(again).toEqual([
      { id: 'd1', outcome: 'duplicate' },
      { id: 'd2', outcome: 'duplicate' },
    ]);
    expect((await packRow(t, p)).used).toBe(1);
    expect(await countEvents(t, a.id)).toBe(2);
  });

  it('R4.1 a batch mixing ids already stored with new ones deducts and stores only the new ones', async () => {
    // m1 must be known as stored before the deduction, else it would take the pack's second call.
    const a = await createAccount(t, SETTLED);
    const p = await addPack(t, a.id, { label: 'identity.basic', total: 3, acquiredAt: cst('2026-11-01T10:00:00') });
    await ingestOk(t, a.key, [ev('m1', 'identity.basic', a.resources[0], at('09:00'))]);
    const out = await ingestOk(t, a.key, [
      ev('m1', 'identity.basic', a.resources[0], at('09:00')),
      ev('m2', 'identity.basic', a.resources[0], at('09:01')),
      ev('m3', 'identity.basic', a.resources[0], at('09:02')),
      ev('m4', 'identity.basic', a.resources[0], at('09:03')),
    ]);
    expect(out.map((o) => [o.id, o.outcome])).toEqual([
      ['m1', 'duplicate'],
      ['m2', 'pack'],
      ['m3', 'pack'],
      ['m4', 'postpaid'],
    ]);
    expect(await packRow(t, p)).toMatchObject({ used: 3, status: 'exhausted' });
    expect(await countEvents(t, a.id)).toBe(4);
    expect(await eventRow(t, a.id, 'm1')).toMatchObject({ outcome: 'pack' });
  });

  it('R1.4 non-billable results are recorded as free, never deducted nor charged', async () => {
    const a = await createAccount(t, SETTLED);
    const p = await addPack(t, a.id, { label: 'identity.basic', total: 10, acquiredAt: cst('2026-11-01T10:00:00') });
    const results = ['invalid_request', 'internal_error', 'timeout', 'success', 'compare_mismatch', 'liveness_failed'];
    const out = await ingestOk(
      t,
      a.key,
      results.map((r, i) => ev(`f${i}`, 'identity.basic', a.resources[0], at('09:00'), r)),
    );
    expect(out.map((o) => o.outcome)).toEqual(['free', 'free', 'free', 'pack', 'pack', 'pack']);
    expect((await packRow(t, p)).used).toBe(3);
    expect(await eventRow(t, a.id, 'f0')).toMatchObject({
      outcome: 'free',
      rule: 'not_billable',
      result: 'invalid_request',
    });
  });
});

describe('R4.2 deduction order', () => {
  it('R4.2 gift packs before purchased packs before postpaid', async () => {
    const a = await createAccount(t, SETTLED);
    const bought = await addPack(t, a.id, { label: 'basic.selfie', total: 1, acquiredAt: cst('2026-11-01T10:00:00') });
    const gift = await addPack(t, a.id, {
      label: 'basic.selfie',
      total: 1,
      source: 'gift',
      acquiredAt: cst('2026-11-02T10:00:00'),
      expiresAt: cst('2027-12-01T00:00:00'),
    });
    const out = await ingestOk(t, a.key, [
      ev('o1', 'basic.selfie', a.resources[0], at('09:00')),
      ev('o2', 'basic.selfie', a.resources[0], at('09:01')),
      ev('o3', 'basic.selfie', a.resources[0], at('09:02')),
    ]);
    expect(out).toEqual([
      { id: 'o1', outcome: 'pack', packId: gift.toString() },
      { id: 'o2', outcome: 'pack', packId: bought.toString() },
      { id: 'o3', outcome: 'postpaid' },
    ]);
    expect((await eventRow(t, a.id, 'o1'))?.rule).toBe('gift_first');
    expect((await eventRow(t, a.id, 'o2'))?.rule).toBe('only_pack');
    expect((await eventRow(t, a.id, 'o3'))?.rule).toBe('postpaid_no_pack');
  });

  it('R4.2 within a source: earliest expiry, then earliest acquired, then lowest id', async () => {
    const a = await createAccount(t, SETTLED);
    const exp = cst('2027-06-01T23:59:59.999');
    // One-call basic.selfie packs: acquired, expiring.
    const pack = (acquired: string, expiresAt: Date) =>
      addPack(t, a.id, { label: 'basic.selfie', total: 1, acquiredAt: cst(acquired), expiresAt });
    const late = await pack('2026-11-01T10:00:00', cst('2027-09-01T00:00:00'));
    const lowId = await pack('2026-11-03T10:00:00', exp);
    const highId = await pack('2026-11-03T10:00:00', exp);
    const earlyAcq = await pack('2026-11-02T10:00:00', exp);
    const early = await pack('2026-11-05T10:00:00', cst('2027-01-01T00:00:00'));
    const out = await ingestOk(
      t,
      a.key,
      [0, 1, 2, 3, 4].map((i) => ev(`q${i}`, 'basic.selfie', a.resources[0], at(`09:0${i}`))),
    );
    expect(out.map((o) => o.packId)).toEqual([early, earlyAcq, lowId, highId, late].map(String));
    const rules = await Promise.all([0, 1, 2, 3, 4].map(async (i) => (await eventRow(t, a.id, `q${i}`))?.rule));
    expect(rules).toEqual(['earliest_expiry', 'earliest_acquired', 'lowest_id', 'earliest_expiry', 'only_pack']);
  });

  it('R4.2 R4.3 only packs of the call’s label valid on the call’s day (from 00:00 CST of delivery) are used', async () => {
    const a = await createAccount(t, { settledThrough: '2026-11-18' });
    await addPack(t, a.id, { label: 'basic.authority', total: 5, acquiredAt: cst('2026-11-01T10:00:00') });
    const later = await addPack(t, a.id, { label: 'basic.selfie', total: 5, acquiredAt: cst('2026-11-20T09:30:00') });
    const out = await ingestOk(t, a.key, [
      ev('v0', 'basic.selfie', a.resources[0], '2026-11-19T23:59:59+08:00'),
      ev('v1', 'basic.selfie', a.resources[0], at('09:00')),
      ev('v2', 'basic.selfie', a.resources[0], at('09:45')),
    ]);
    expect(out).toEqual([
      { id: 'v0', outcome: 'postpaid' },
      { id: 'v1', outcome: 'pack', packId: later.toString() },
      { id: 'v2', outcome: 'pack', packId: later.toString() },
    ]);
  });

  it('R4.2 a pack that expired before a late call arrives does not take it, whether or not the expiry job has run', async () => {
    const a = await createAccount(t, SETTLED);
    // Expired at 09:30 today (now is 10:00); the row still says active: the expiry job has not run yet.
    const gone = await addPack(t, a.id, {
      label: 'basic.selfie',
      total: 5,
      source: 'gift',
      acquiredAt: cst('2025-11-20T09:30:00'),
      expiresAt: cst('2026-11-20T09:30:00'),
    });
    expect((await packRow(t, gone)).status).toBe('active');
    const out = await ingestOk(t, a.key, [
      // Made while the pack was valid, received after it expired: a late call, and the pack is expired.
      ev('x0', 'basic.selfie', a.resources[0], at('09:00')),
      ev('x1', 'basic.selfie', a.resources[0], at('09:45')),
    ]);
    expect(out).toEqual([
      { id: 'x0', outcome: 'postpaid' },
      { id: 'x1', outcome: 'postpaid' },
    ]);
    expect(await packRow(t, gone)).toMatchObject({ used: 0 });
  });

  it('R4.7 a pack turns exhausted at its last call; R7 low and exhausted notices are sent once', async () => {
    const a = await createAccount(t, SETTLED);
    const p = await addPack(t, a.id, { label: 'basic.selfie', total: 10, acquiredAt: cst('2026-11-01T10:00:00') });
    await ingestOk(
      t,
      a.key,
      [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => ev(`w${i}`, 'basic.selfie', a.resources[0], at('09:00'))),
    );
    let notes = await t.deps.db.select().from(notifications).where(eq(notifications.accountId, a.id));
    expect(notes.map((n) => n.kind)).toEqual(['pack_low']);
    expect(notes[0]?.cause).toBe(`pack:${p}`);
    await ingestOk(
      t,
      a.key,
      [9, 10].map((i) => ev(`w${i}`, 'basic.selfie', a.resources[0], at('09:00'))),
    );
    const row = await packRow(t, p);
    expect(row).toMatchObject({ used: 10, status: 'exhausted' });
    notes = await t.deps.db.select().from(notifications).where(eq(notifications.accountId, a.id));
    expect(notes.map((n) => n.kind).sort()).toEqual(['pack_exhausted', 'pack_low']);
    expect(notes.find((n) => n.kind === 'pack_exhausted')?.bodyEn).toMatch(/billed postpaid/);
  });
});

describe('R3.6 usage views', () => {
  it('R3.6 calls per label and day split by pack, postpaid and free', async () => {
    const a = await createAccount(t, SETTLED);
    const owner = await t.login('demo@example.com');
    // The demo account's own view; use it with a direct key for the demo account.
    const { issueServiceKey } = await import('../src/use-cases/resources/create-service-key.ts');
    const { key } = await issueServiceKey(t.deps, 'acct_demo', 'test', t.clock.now());
    await ingestOk(t, key, [
      ev('dv1', 'risk.face', 'res-risk-web', at('09:00')),
      ev('dv2', 'risk.face', 'res-risk-web', at('09:01')),
      ev('dv3', 'risk.face', 'res-risk-web', at('09:02'), 'timeout'),
      ev('dv4', 'basic.authority', 'res-kyc-prod', at('09:03')),
    ]);
    const res = await owner.get(`/api/v1/usage/daily?label=risk.face&from=${TODAY}&to=${TODAY}`);
    expect(res.status).toBe(200);
    const body = await json<{ items: unknown[] }>(res);
    expect(body.items).toEqual([
      { date: TODAY, label: 'risk.face', calls: 3, pack: 0, postpaid: 2, free: 1, rejected: 0 },
    ]);
    const all = await json<{ items: { label: string; pack: number }[] }>(
      await owner.get(`/api/v1/usage/daily?from=${TODAY}&to=${TODAY}`),
    );
    expect(all.items.find((i) => i.label === 'basic.authority')?.pack).toBe(1);
    expect((await t.anon.get('/api/v1/usage/daily')).status).toBe(401);
    expect((await owner.get('/api/v1/usage/daily?from=nope')).status).toBe(400);
    // The other test account's calls never show up in the demo account's view.
    await ingestOk(t, a.key, [ev('dv9', 'risk.face', a.resources[0], at('09:00'))]);
    const again = await json<{ items: { calls: number }[] }>(
      await owner.get(`/api/v1/usage/daily?label=risk.face&from=${TODAY}&to=${TODAY}`),
    );
    expect(again.items[0]?.calls).toBe(3);
  });

  it('R3.6 a pack’s usage per day counts the calls deducted from it', async () => {
    const owner = await t.login('demo@example.com');
    const { issueServiceKey } = await import('../src/use-cases/resources/create-service-key.ts');
    const { key } = await issueServiceKey(t.deps, 'acct_demo', 'test', t.clock.now());
    const before = await json<{ items: { id: string; used: number }[] }>(
      await owner.get('/api/v1/packs?label=basic.authority&status=active'),
    );
    const pack = before.items[0];
    if (!pack) throw new Error('no active basic.authority pack');
    await ingestOk(t, key, [
      ev('pu1', 'basic.authority', 'res-kyc-prod', at('09:10')),
      ev('pu2', 'basic.authority', 'res-kyc-test', at('09:11')),
    ]);
    const usage = await json<{ items: { date: string; calls: number }[] }>(
      await owner.get(`/api/v1/packs/${pack.id}/usage?from=${TODAY}&to=${TODAY}`),
    );
    expect(usage.items).toEqual([{ date: TODAY, calls: 3 }]);
    const after = await json<{ used: number }>(await owner.get(`/api/v1/packs/${pack.id}`));
    expect(after.used).toBe(pack.used + 2);
    const rows = await t.deps.db.select().from(usageEvents).where(eq(usageEvents.eventId, 'pu1'));
    expect(rows[0]?.packId?.toString()).toBe(pack.id);
  });
});
