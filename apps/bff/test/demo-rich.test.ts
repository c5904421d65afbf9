import { ledgerEntries } from '@idv/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { balancesOf, ledgerBalances, lockAccount } from '../src/repositories/ledger.ts';
import { json, useTestApp } from './harness.ts';

const t = useTestApp({ seed: true });

type Pack = { id: string; source: string; status: string; refund: { eligible: boolean; reason: string | null } };

describe('R9.3 rich demo tenant', () => {
  it('R9.3 a year of history made by the real engine (activated a year before its start): packs active, used up, refunded and about to expire, bills, an arrears episode, a pending certificate', async () => {
    const pm = await t.login('pm@example.com');
    const started = Date.now();
    const res = await pm.post('/api/v1/demo/tenants', { scenario: 'rich', startAt: '2026-11-20T10:00:00+08:00' });
    const ms = Date.now() - started;
    expect(res.status).toBe(201);
    const tenant = await json<{ accountId: string; customer: { email: string; password: string } }>(res);
    const c = await t.login(tenant.customer.email, tenant.customer.password);
    const packs = await json<{ items: Pack[] }>(await c.get('/api/v1/packs?limit=200'));
    const states = new Set(packs.items.map((p) => p.status));
    if (process.env.DEBUG_RICH)
      console.log(
        JSON.stringify(
          packs.items.map((p) => [
            p.id,
            p.source,
            p.status,
            (p as unknown as { label: string }).label,
            (p as unknown as { used: number }).used,
            (p as unknown as { total: number }).total,
            (p as unknown as { acquiredAt: string }).acquiredAt,
          ]),
        ),
      );
    // R9.3 activated a year before startAt: the first packs expire within days (pack_expiring below).
    expect(states).toEqual(new Set(['active', 'exhausted', 'refunded']));
    const detail = await json<{ activatedAt: string; settlement: string }>(
      await pm.get(`/api/v1/demo/tenants/${tenant.accountId}`),
    );
    expect(detail).toMatchObject({ activatedAt: '2025-11-20T10:00:00+08:00', settlement: 'daily' });
    expect(packs.items.some((p) => p.source === 'purchase' && p.refund.eligible)).toBe(true);
    expect(packs.items.some((p) => p.source === 'gift')).toBe(true);
    const notes = await json<{ items: { kind: string }[] }>(await c.get('/api/v1/notifications?limit=200'));
    const kinds = new Set(notes.items.map((n) => n.kind));
    for (const k of ['arrears', 'suspended', 'pack_delivered', 'refund_completed', 'pack_low', 'pack_expiring'])
      expect(kinds).toContain(k);
    const account = await json<{ status: string }>(await c.get('/api/v1/account'));
    expect(account.status).toBe('active');
    const certs = await json<{ items: { status: string }[] }>(await c.get('/api/v1/certificates'));
    expect(certs.items.map((x) => x.status)).toContain('pending_submission');
    const overview = await json<{ trend: { month: string; total: string }[] }>(
      await c.get('/api/v1/bills/overview?month=2026-11'),
    );
    expect(overview.trend.filter((m) => m.total !== '0.00').length).toBeGreaterThanOrEqual(12);
    // R2.4 the cached balances equal the ledger.
    const locked = await t.deps.db.transaction((tx) => lockAccount(tx, tenant.accountId));
    if (!locked) throw new Error('no account');
    expect(balancesOf(locked)).toEqual(await ledgerBalances(t.deps.db, tenant.accountId));
    const entries = await t.deps.db.select().from(ledgerEntries).where(eq(ledgerEntries.accountId, tenant.accountId));
    expect(entries.length).toBeGreaterThan(300);
    console.log(`rich tenant built in ${ms} ms`);
  }, 300_000);

  it('R9.3/R5.2 a rich tenant started in 2022 is a legacy account: a year of monthly settlements, its arrears episode after a 1st', async () => {
    const pm = await t.login('pm@example.com');
    const res = await pm.post('/api/v1/demo/tenants', { scenario: 'rich', startAt: '2022-09-15T10:00:00+08:00' });
    expect(res.status).toBe(201);
    const tenant = await json<{ accountId: string; customer: { email: string; password: string } }>(res);
    const detail = await json<{ activatedAt: string; settlement: string }>(
      await pm.get(`/api/v1/demo/tenants/${tenant.accountId}`),
    );
    expect(detail).toMatchObject({ activatedAt: '2021-09-15T10:00:00+08:00', settlement: 'monthly' });
    const c = await t.login(tenant.customer.email, tenant.customer.password);
    const monthly = await json<{ items: { occurredAt: string }[] }>(
      await c.get('/api/v1/bills/items?month=2022-05&transactionType=monthly_settlement'),
    );
    expect(monthly.items.length).toBeGreaterThan(0);
    expect(monthly.items.every((i) => i.occurredAt === '2022-06-01T08:00:00+08:00')).toBe(true);
    const daily = await json<{ items: unknown[] }>(
      await c.get('/api/v1/bills/items?month=2022-05&transactionType=daily_settlement'),
    );
    expect(daily.items).toEqual([]);
    const notes = await json<{ items: { kind: string }[] }>(await c.get('/api/v1/notifications?limit=200'));
    const kinds = new Set(notes.items.map((n) => n.kind));
    for (const k of ['arrears', 'suspended', 'pack_delivered', 'refund_completed']) expect(kinds).toContain(k);
    expect((await json<{ status: string }>(await c.get('/api/v1/account'))).status).toBe('active');
    const locked = await t.deps.db.transaction((tx) => lockAccount(tx, tenant.accountId));
    if (!locked) throw new Error('no account');
    expect(balancesOf(locked)).toEqual(await ledgerBalances(t.deps.db, tenant.accountId));
  }, 300_000);
});
