import { expect, test } from '@playwright/test';
import { apiSession, createDemoTenant, expectNoA11yViolations, PM, signIn } from '../fixtures/money.ts';

const AGENT = { email: 'agent@example.com', password: 'demo-pass-2026' };

test.describe('a customer reads the access log of a support session (R9.2)', () => {
  test.setTimeout(300_000);

  test('sessions grouped with mode, ticket, reason and end; pages in plain words; the refused write highlighted', async ({
    page,
    baseURL,
  }) => {
    const pm = await apiSession(baseURL ?? '', PM);
    const tenant = await createDemoTenant(pm, 'empty');
    // A read-only support session with a natural 13-character Chinese reason (R9.2 reason rule).
    const agent = await apiSession(baseURL ?? '', AGENT);
    const reason = '客户来电询问账单为何翻倍了';
    const start = await agent.post('/api/v1/staff/impersonations', {
      data: { accountId: tenant.accountId, reason, ticket: 'TCK-3090' },
    });
    expect(start.status(), await start.text()).toBe(201);
    expect((await agent.get('/api/v1/packs')).status()).toBe(200);
    expect((await agent.get('/api/v1/packs/projections?ids=1')).status()).toBeLessThan(500);
    const refused = await agent.post('/api/v1/account/recharge', {
      data: { amount: '10.00' },
      headers: { 'idempotency-key': `e2e-access-${Date.now()}` },
    });
    expect(refused.status()).toBe(403);
    const problem = (await refused.json()) as { code: string; detail: string };
    expect(problem.code).toBe('READ_ONLY_IMPERSONATION');
    expect(problem.detail).toContain('support session is read-only');
    expect((await agent.delete('/api/v1/staff/impersonations/current')).status()).toBe(204);

    await signIn(page, tenant.customer, '/audit');
    await expect(page.getByRole('heading', { level: 1, name: '访问记录' })).toBeVisible();
    const group = page.getByTestId('audit-group').filter({ hasText: 'TCK-3090' });
    await expect(group).toHaveCount(1);
    await expect(group).toContainText('只读会话');
    await expect(group).toContainText('已由支持人员结束');
    await expect(group).toContainText(reason);
    await expect(group).toContainText('查看了资源包');
    await expect(group).not.toContainText('/packs/projections');
    await expect(group.getByTestId('audit-summary')).toBeVisible();
    await expect(group).toContainText('有 1 次操作被拒绝：这是只读会话，不能修改您的账户。');
    const refusedStep = group.getByTestId('audit-refused');
    await expect(refusedStep).toHaveCount(1);
    await expect(refusedStep).toContainText('充值');
    await expect(refusedStep).toContainText('被拒绝');
    await expectNoA11yViolations(page);

    await agent.dispose();
    await pm.delete(`/api/v1/demo/tenants/${tenant.accountId}`);
    await pm.dispose();
  });
});
