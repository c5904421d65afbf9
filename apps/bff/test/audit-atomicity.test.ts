import { accounts, auditLog, autoTopupRules, budgets, resources, serviceKeys, users } from '@idv/db';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from './harness.ts';

// R9.2 "every write and its audit row in one transaction": the database is made to refuse one audit
// action (a trigger that raises, on PGlite and on PostgreSQL alike), and the write the request made
// before its audit row must be gone with it. A refusal from the database is the harshest failure the
// audit insert can meet: if the write were a separate statement it would have committed already.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.deps.db.execute(sql`create table test_refused_audit (action text primary key)`);
  await t.deps.db.execute(sql`
    create function test_refuse_audit() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from test_refused_audit where action = new.action) then
        raise exception 'audit refused for %', new.action;
      end if;
      return new;
    end $$`);
  await t.deps.db.execute(
    sql`create trigger test_refuse_audit before insert on audit_log for each row execute function test_refuse_audit()`,
  );
});
afterAll(async () => t?.close());
afterEach(async () => {
  await t.deps.db.execute(sql`delete from test_refused_audit`);
});

async function refuseAudit(action: string) {
  await t.deps.db.execute(sql`insert into test_refused_audit (action) values (${action})`);
}

async function auditRows(action: string) {
  return t.deps.db.select().from(auditLog).where(eq(auditLog.action, action));
}

describe('R9.2 a write and its audit row commit together', () => {
  it('R9.2 service key: when its audit row fails, no key is created; revoking rolls back too', async () => {
    const owner = await t.login('demo@example.com');
    const before = await t.deps.db.select().from(serviceKeys).where(eq(serviceKeys.accountId, 'acct_demo'));
    await refuseAudit('service_key.create');
    expect((await owner.post('/api/v1/service-keys', { name: 'no trail' })).status).toBe(500);
    const after = await t.deps.db.select().from(serviceKeys).where(eq(serviceKeys.accountId, 'acct_demo'));
    expect(after).toHaveLength(before.length);
    expect(after.some((k) => k.name === 'no trail')).toBe(false);

    await t.deps.db.execute(sql`delete from test_refused_audit`);
    const created = await json<{ id: string }>(await owner.post('/api/v1/service-keys', { name: 'kept' }));
    await refuseAudit('service_key.revoke');
    expect((await owner.delete(`/api/v1/service-keys/${created.id}`)).status).toBe(500);
    const [row] = await t.deps.db.select().from(serviceKeys).where(eq(serviceKeys.id, created.id));
    expect(row?.revokedAt).toBeNull();
    expect(await auditRows('service_key.revoke')).toHaveLength(0);
  });

  it('R9.2 resource: when its audit row fails, the resource is not registered', async () => {
    const owner = await t.login('demo@example.com');
    await refuseAudit('resource.create');
    const res = await owner.post('/api/v1/resources', { alias: 'no trail', project: 'p', region: 'ap-guangzhou' });
    expect(res.status).toBe(500);
    const rows = await t.deps.db
      .select()
      .from(resources)
      .where(and(eq(resources.accountId, 'acct_demo'), eq(resources.alias, 'no trail')));
    expect(rows).toHaveLength(0);
  });

  it('R9.1/R9.2 member role change and removal: when the audit row fails, the member is unchanged', async () => {
    const owner = await t.login('demo@example.com');
    await refuseAudit('member.role');
    expect((await owner.patch('/api/v1/account/users/usr_viewer', { role: 'finance' })).status).toBe(500);
    await refuseAudit('member.remove');
    expect((await owner.delete('/api/v1/account/users/usr_viewer')).status).toBe(500);
    const [viewer] = await t.deps.db.select().from(users).where(eq(users.id, 'usr_viewer'));
    expect(viewer?.roles).toEqual(['viewer']);
    expect(viewer?.accountId).toBe('acct_demo');
  });

  it('R10.1/R10.2 budget and auto top-up rule: when the audit row fails, nothing is saved', async () => {
    const owner = await t.login('demo@example.com');
    await refuseAudit('budget.create');
    expect((await owner.post('/api/v1/budgets', { name: 'no trail', amount: '1000' })).status).toBe(500);
    expect(await t.deps.db.select().from(budgets).where(eq(budgets.accountId, 'acct_demo'))).toHaveLength(0);
    await refuseAudit('auto_topup.set');
    const rule = { enabled: true, belowCalls: 100, size: 1000, quantity: 1, monthlyLimit: 3 };
    expect((await owner.put('/api/v1/auto-topups/basic.selfie', rule)).status).toBe(500);
    expect(await t.deps.db.select().from(autoTopupRules).where(eq(autoTopupRules.accountId, 'acct_demo'))).toHaveLength(
      0,
    );
  });

  it('R9.3 demo reset: when rebuilding the base tenant fails, the old tenant is left as it was', async () => {
    const pm = await t.login('pm@example.com');
    const tenant = await json<{ accountId: string }>(await pm.post('/api/v1/demo/tenants', { scenario: 'empty' }));
    const keysBefore = await t.deps.db.select().from(serviceKeys).where(eq(serviceKeys.accountId, tenant.accountId));
    expect(keysBefore).toHaveLength(1);
    // The reset deletes the old rows and writes the new base tenant in one transaction: refuse one of
    // its writes (the new service key) and the delete must roll back with it.
    await t.deps.db.execute(sql`
      create function test_refuse_demo_key() returns trigger language plpgsql as $$
      begin raise exception 'service key refused'; end $$`);
    await t.deps.db.execute(
      sql`create trigger test_refuse_demo_key before insert on service_keys for each row execute function test_refuse_demo_key()`,
    );
    try {
      expect((await pm.post(`/api/v1/demo/tenants/${tenant.accountId}/reset`)).status).toBe(500);
    } finally {
      await t.deps.db.execute(sql`drop trigger test_refuse_demo_key on service_keys`);
    }
    const [account] = await t.deps.db.select().from(accounts).where(eq(accounts.id, tenant.accountId));
    expect(account?.isDemo).toBe(true);
    const keysAfter = await t.deps.db.select().from(serviceKeys).where(eq(serviceKeys.accountId, tenant.accountId));
    expect(keysAfter.map((k) => k.id)).toEqual(keysBefore.map((k) => k.id));
    expect((await pm.get(`/api/v1/demo/tenants/${tenant.accountId}`)).status).toBe(200);
  });
});
