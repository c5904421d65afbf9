import { randomUUID } from 'node:crypto';
import { request as apiRequest, expect, test } from '@playwright/test';
import {
  AGENT,
  badgeCount,
  collectConsoleErrors,
  DEMO,
  expectNoA11yViolations,
  signIn,
  unreadCount,
  VIEWER,
} from '../fixtures/bills.ts';

test.describe('notification centre (R7)', () => {
  test('a pack purchase sends a message; marking it read lowers the badge; mark all read clears it', async ({
    page,
  }, testInfo) => {
    const errors = collectConsoleErrors(page);
    await signIn(page, DEMO, '/notifications');
    await expect(page.getByRole('heading', { level: 1, name: '消息通知' })).toBeVisible();
    const before = await unreadCount(page.request);

    // A real flow: buying a pack records a "pack delivered" notice (R3.3).
    const order = await page.request.post('/api/v1/orders', {
      data: { label: 'identity.basic', size: 1000, quantity: 1 },
      headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(order.status()).toBe(201);

    // Refetch on focus/reload: the badge shows one more.
    await page.reload();
    await expect.poll(() => badgeCount(page)).toBe(before + 1);
    await expect(page.getByRole('link', { name: new RegExp(`消息通知（${before + 1} 条未读）`) })).toBeVisible();
    const item = page.getByTestId('notification').filter({ hasText: '资源包已到账' }).first();
    await expect(item).toHaveAttribute('data-unread', 'true');
    await expect(item).toContainText('资源包到账');
    await expect(item).toContainText('身份信息核验');
    await page.screenshot({ path: testInfo.outputPath('notifications-zh.png'), fullPage: true });
    await expectNoA11yViolations(page);

    // Unread filter (in the URL): only unread messages.
    await page.getByText('仅未读').click();
    await expect(page).toHaveURL(/unread=true/);
    for (const n of await page.getByTestId('notification').all())
      await expect(n).toHaveAttribute('data-unread', 'true');

    // Mark that one read: the badge goes down by one.
    await page.getByText('全部消息').click();
    await item.getByRole('button', { name: /标为已读/ }).click();
    await expect(item).toHaveAttribute('data-unread', 'false');
    await expect.poll(() => badgeCount(page)).toBe(before);

    // The list in English is requested in English (?lang=en).
    const enRequest = page.waitForRequest(
      (r) => r.url().includes('/api/v1/notifications') && r.url().includes('lang=en'),
    );
    await page.getByRole('button', { name: 'English' }).click();
    await enRequest;
    await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
    await expect(
      page
        .getByTestId('notification')
        .filter({ hasText: /delivered/i })
        .first(),
    ).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('notifications-en.png'), fullPage: true });
    await page.getByRole('button', { name: '简体中文' }).click();

    // Mark all read: no badge at all.
    await page.request.post('/api/v1/orders', {
      data: { label: 'identity.basic', size: 1000, quantity: 1 },
      headers: { 'Idempotency-Key': randomUUID() },
    });
    await page.reload();
    await expect.poll(() => badgeCount(page)).toBeGreaterThan(0);
    await page.getByRole('button', { name: '全部标为已读' }).click();
    await expect.poll(() => badgeCount(page)).toBe(0);
    await expect(page.getByTestId('unread-summary')).toHaveText('0 条未读');
    expect(errors).toEqual([]);
  });

  test('settings: the owner changes channels and the daily report; a viewer sees them read-only', async ({
    page,
    browser,
  }, testInfo) => {
    await signIn(page, DEMO, '/notifications/settings');
    await expect(page.getByRole('heading', { level: 1, name: '通知设置' })).toBeVisible();
    const sms = page.getByRole('checkbox', { name: '资源包余量不足：短信' });
    const daily = page.getByRole('checkbox', { name: '订阅每日用量报告' });
    await expect(page.getByRole('checkbox', { name: '资源包余量不足：站内信' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: '资源包余量不足：站内信' })).toBeDisabled();
    const smsBefore = await sms.isChecked();
    const dailyBefore = await daily.isChecked();
    await sms.setChecked(!smsBefore);
    await daily.setChecked(!dailyBefore);
    await page.getByRole('button', { name: '保存设置' }).click();
    await expect(page.getByText('通知设置已保存。')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('notification-settings-zh.png'), fullPage: true });
    await expectNoA11yViolations(page);

    await page.reload();
    await expect(sms).toBeChecked({ checked: !smsBefore });
    await expect(daily).toBeChecked({ checked: !dailyBefore });
    // Put them back.
    await sms.setChecked(smsBefore);
    await daily.setChecked(dailyBefore);
    await page.getByRole('button', { name: '保存设置' }).click();
    await expect(page.getByText('通知设置已保存。')).toBeVisible();

    const ctx = await browser.newContext();
    const viewer = await ctx.newPage();
    await signIn(viewer, VIEWER, '/notifications/settings');
    await expect(viewer.getByText('只有账户所有者可以修改通知设置')).toBeVisible();
    await expect(viewer.getByRole('checkbox', { name: '资源包余量不足：短信' })).toBeDisabled();
    await expect(viewer.getByRole('button', { name: '保存设置' })).toHaveCount(0);
    // The server agrees (403 for a viewer).
    const put = await viewer.request.put('/api/v1/notification-settings', {
      data: { kinds: {}, dailyReport: true },
    });
    expect(put.status()).toBe(403);
    await expectNoA11yViolations(viewer);
    await ctx.close();
  });

  test('access log (R9.2): the customer sees when support looked, why and what they did', async ({
    page,
    baseURL,
  }, testInfo) => {
    const reason = `Ticket ${randomUUID().slice(0, 8)}: question about the October bill`;
    const agent = await apiRequest.newContext({ baseURL });
    expect((await agent.post('/api/v1/auth/login', { data: AGENT })).ok()).toBe(true);
    const imp = await agent.post('/api/v1/staff/impersonations', { data: { accountId: 'acct_demo', reason } });
    expect(imp.status()).toBe(201);
    expect((await agent.get('/api/v1/bills/items?month=2026-10')).ok()).toBe(true);
    expect((await agent.delete('/api/v1/staff/impersonations/current')).status()).toBe(204);
    await agent.dispose();

    await signIn(page, DEMO, '/audit');
    await expect(page.getByRole('heading', { level: 1, name: '访问记录' })).toBeVisible();
    const group = page.getByTestId('audit-group').filter({ hasText: reason }).first();
    await expect(group).toContainText('技术支持 Support Agent');
    // Issue 17: the session's mode and reason, and pages described in words, not endpoints.
    await expect(group).toContainText('只读会话');
    await expect(group).toContainText(`原因${reason}`);
    await expect(group).toContainText('开始代访问');
    await expect(group).toContainText('查看了明细账单');
    await expect(group).not.toContainText('/bills/items');
    await expect(group).toContainText('结束代访问');
    // Newest first: this session is the first group.
    await expect(page.getByTestId('audit-group').first()).toContainText(reason);
    await page.screenshot({ path: testInfo.outputPath('access-log-zh.png'), fullPage: true });
    await expectNoA11yViolations(page);
  });
});
