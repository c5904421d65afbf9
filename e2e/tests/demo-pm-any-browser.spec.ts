import { expect, test } from '@playwright/test';
import { createEmptyTenant, freshBrowser } from '../fixtures/demo-tenants.ts';
import { expectNoA11yViolations } from '../fixtures/staff.ts';

test('R9.3 a PM opens a tenant from a fresh browser and injects usage with the resource picker', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const tenant = await createEmptyTenant(browser);

  // Another PM browser: nothing of the tenant in its storage.
  const { ctx, page, errors } = await freshBrowser(browser);
  await page.goto(`/demo/${tenant.accountId}`);
  const usage = page.getByRole('region', { name: '用量注入' });
  const picker = usage.getByRole('combobox', { name: '应用（资源）' });
  await expect(picker).toBeVisible();
  // The tenant's resources come from the server: every one is offered, the first chosen.
  for (const r of tenant.resources) await expect(picker.locator(`option[value="${r.id}"]`)).toHaveCount(1);
  await picker.selectOption(tenant.resources[1]?.id ?? '');
  await usage.getByRole('combobox', { name: '计费标签' }).selectOption('nfc.idcard');
  await usage.getByRole('textbox', { name: '每天调用次数' }).fill('300');
  await usage.getByRole('textbox', { name: '不计费结果占比' }).fill('0');
  await usage.getByRole('button', { name: '加入下一次前进' }).click();
  await expect(usage).toContainText(tenant.resources[1]?.id ?? '');
  await expectNoA11yViolations(page);

  await page.getByRole('region', { name: '模拟时钟' }).getByRole('button', { name: '+1 天' }).click();
  const timeline = page.getByRole('region', { name: '时间线' });
  // The calls are spread over the day (split at the 08:00 settlement), said in Chinese.
  await expect(timeline.getByText(/^注入 \d+ 次调用：/).first()).toBeVisible({ timeout: 90_000 });
  await expect(timeline).not.toContainText('calls injected');
  expect(errors).toEqual([]);
  await ctx.close();
});
