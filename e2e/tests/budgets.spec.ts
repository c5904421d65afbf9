import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import {
  apiSession,
  collectConsoleErrors,
  createDemoTenant,
  expectNoA11yViolations,
  PM,
  signIn,
} from '../fixtures/money.ts';

// R10.1 budgets and R10.2 auto top-up on a fresh demo tenant (isolated from the shared seeded account).
test.describe('budgets and auto top-up (R10.1, R10.2)', () => {
  test('create a budget, see spending cross a threshold, edit it, delete it; set an auto top-up rule', async ({
    page,
    baseURL,
  }, testInfo) => {
    test.setTimeout(180_000);
    const errors = collectConsoleErrors(page);
    const pm = await apiSession(baseURL ?? '', PM);
    const tenant = await createDemoTenant(pm, 'empty');
    await signIn(page, tenant.customer, '/budgets');

    // Empty state, with the create action for the owner.
    await expect(page.getByRole('heading', { level: 1, name: '预算' })).toBeVisible();
    await expect(page.getByText('还没有预算')).toBeVisible();
    await expectNoA11yViolations(page);

    // Create: name, amount, default thresholds 50, 80, 100.
    await page.getByRole('button', { name: '新建预算' }).click();
    const dialog = page.getByRole('dialog', { name: '新建预算' });
    await dialog.getByLabel('名称').fill('每月总预算');
    await dialog.getByLabel('每月金额（元）').fill('300');
    await expect(dialog.getByLabel('阈值（%，用逗号分隔）')).toHaveValue('50, 80, 100');
    await expectNoA11yViolations(page);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    const panel = page
      .getByRole('region', { name: '每月总预算' })
      .or(page.locator('section', { hasText: '每月总预算' }))
      .first();
    await expect(panel).toContainText('¥300.00');
    await expect(panel).toContainText('本月尚未发送提醒。');

    // Spending: recharge and buy 2 × 1,000 basic.selfie calls (290.00): the 50% and 80% thresholds are crossed.
    const recharge = await page.request.post('/api/v1/account/recharge', {
      data: { amount: '1000.00' },
      headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(recharge.status()).toBe(200);
    const order = await page.request.post('/api/v1/orders', {
      data: { label: 'basic.selfie', size: 1000, quantity: 2 },
      headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(order.status()).toBe(201);
    await page.reload();
    await expect(panel).toContainText('¥290.00');
    await expect(panel.getByText(/支出达到 50%/)).toBeVisible();
    await expect(panel.getByText(/支出达到 80%/)).toBeVisible();
    await expect(page.getByRole('figure', { name: '「每月总预算」本月支出与预测' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('budgets-zh.png'), fullPage: true });
    await expectNoA11yViolations(page);

    // Edit the amount.
    await panel.getByRole('button', { name: '编辑 每月总预算' }).click();
    const edit = page.getByRole('dialog', { name: '编辑预算' });
    await edit.getByLabel('每月金额（元）').fill('1000');
    await edit.getByRole('button', { name: '保存' }).click();
    await expect(edit).toBeHidden();
    await expect(panel).toContainText('¥1,000.00');

    // English.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Budgets' })).toBeVisible();
    await expect(page.getByText('Spending reached 50%', { exact: false })).toBeVisible();
    await expectNoA11yViolations(page);
    await page.getByRole('button', { name: '简体中文' }).click();

    // Delete (confirmed): back to the empty state.
    await panel.getByRole('button', { name: '删除 每月总预算' }).click();
    await page.getByRole('alertdialog').or(page.getByRole('dialog')).getByRole('button', { name: '删除预算' }).click();
    await expect(page.getByText('还没有预算')).toBeVisible();

    // R10.2 the auto top-up rule on the pack list, filtered by its label.
    await page.goto('/packs?label=basic.selfie');
    await expect(page.getByRole('heading', { name: '自动续购' })).toBeVisible();
    await page.getByRole('button', { name: '设置自动续购' }).click();
    const rule = page.getByRole('dialog');
    await rule.getByLabel('剩余低于（次）').fill('500');
    await rule.getByLabel('每月最多（次）').fill('3');
    await expectNoA11yViolations(page);
    await rule.getByRole('button', { name: '保存' }).click();
    await expect(rule).toBeHidden();
    await expect(page.getByText(/剩余低于 500 次时购买 1 × 1,000 次，每月最多 3 次（本月已购 0 次）/)).toBeVisible();
    const rules = await page.request.get('/api/v1/auto-topups');
    expect((await rules.json()).items).toEqual([
      {
        label: 'basic.selfie',
        enabled: true,
        belowCalls: 500,
        size: 1000,
        quantity: 1,
        monthlyLimit: 3,
        boughtThisMonth: 0,
      },
    ]);
    await expectNoA11yViolations(page);

    // The planner says what the rule will buy for that label.
    await page.goto('/planner?label=basic.selfie&calls=20000');
    await expect(page.getByText('该标签已开启自动续购')).toBeVisible();
    await expect(page.getByText(/剩余少于 500 次时将自动购买 1 个 1,000 次资源包/)).toBeVisible();
    await expectNoA11yViolations(page);
    expect(errors).toEqual([]);
    await pm.dispose();
  });
});
