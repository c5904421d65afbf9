import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { AGENT, collectConsoleErrors, DEMO, expectNoA11yViolations, signIn } from '../fixtures/bills.ts';

// Issue 18: the owner's account timeline, newest first, filterable by kind in the URL.
test.describe('account timeline (issue 18)', () => {
  test('the owner sees orders, notices and sign-ins newest first, and filters by kind', async ({ page }) => {
    const errors = collectConsoleErrors(page);
    await signIn(page, DEMO, '/timeline');
    const order = await page.request.post('/api/v1/orders', {
      data: { label: 'identity.basic', size: 1000, quantity: 1 },
      headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(order.status()).toBe(201);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: '账户动态' })).toBeVisible();
    const table = page.getByRole('table', { name: '账户动态' });
    await expect(table.getByRole('row').nth(1)).toContainText('订单');
    await expect(table).toContainText('登录');
    await expectNoA11yViolations(page);

    await page.getByLabel('通知').check();
    await expect(page).toHaveURL(/kinds=notice/);
    for (const row of await table.getByRole('row').all()) {
      const cells = await row.getByRole('cell').count();
      if (cells > 0) await expect(row).toContainText('通知');
    }
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Account timeline' })).toBeVisible();
    await expectNoA11yViolations(page);
    await page.getByRole('button', { name: '简体中文' }).click();
    expect(errors).toEqual([]);
  });

  test('a support agent reads the timeline in the staff console without impersonating; the read is audited', async ({
    page,
  }) => {
    const errors = collectConsoleErrors(page);
    await signIn(page, AGENT, '/support/accounts/acct_demo');
    await expect(page.getByRole('heading', { name: '账户时间线' })).toBeVisible();
    await expect(page.getByText('填写原因后点击“查看时间线”。')).toBeVisible();
    await expectNoA11yViolations(page);
    const reason = `TCK-4096 客户询问上周的扣费（e2e ${randomUUID().slice(0, 8)}）`;
    await page.getByLabel('查看原因').fill(reason);
    await page.getByRole('button', { name: '查看时间线' }).click();
    const table = page.getByRole('table', { name: '账户时间线，最新在前' });
    await expect(table.getByRole('row').nth(1)).toBeVisible();
    await expectNoA11yViolations(page);
    // The read is in the audit log, so the account's own timeline shows it as support access.
    const mine = await page.request.get('/api/v1/staff/accounts/acct_demo/timeline?kinds=staff&limit=200');
    expect(mine.status()).toBe(200);
    const items = ((await mine.json()) as { items: { detail: { reason?: string } }[] }).items;
    expect(items.some((i) => i.detail.reason === reason)).toBe(true);
    expect(errors).toEqual([]);
  });
});
