import { expect, test } from '@playwright/test';
import { createEmptyTenant, freshBrowser } from '../fixtures/demo-tenants.ts';
import { expectNoA11yViolations } from '../fixtures/staff.ts';

test('R9.3 a tour step that could not do what it says fails visibly (checked through the API)', async ({ browser }) => {
  test.setTimeout(180_000);
  const tenant = await createEmptyTenant(browser);
  const { ctx, page, errors } = await freshBrowser(browser);
  await page.goto(`/demo/${tenant.accountId}`);
  const tour = page.getByRole('region', { name: '脚本演示' });
  const steps = tour.getByRole('list', { name: '演示步骤' });

  // Step 1 (customer): nobody bought a pack, so "I have bought it" is not believed.
  await tour.getByRole('button', { name: '已完成购买' }).click();
  await expect(tour.getByRole('alert')).toContainText('未达成：客户还没有购买资源包');
  await expect(steps.getByRole('button', { name: /购买资源包\s*（未达成）/ })).toBeVisible();
  await expectNoA11yViolations(page);

  // Step 6 (panel): a fresh account is not in arrears, so a day later it is still not suspended.
  await steps.getByRole('button', { name: /^停服/ }).click();
  await tour.getByRole('button', { name: '前进 1 天' }).click();
  await expect(tour.getByRole('alert')).toContainText('未达成：账户没有停服', { timeout: 90_000 });
  await expect(steps.getByRole('button', { name: /停服\s*（未达成）/ })).toBeVisible();
  // It did move the clock and inject its usage: the timeline says so.
  await expect(
    page
      .getByRole('region', { name: '时间线' })
      .getByText(/^注入 \d+ 次调用：/)
      .first(),
  ).toBeVisible();
  await expectNoA11yViolations(page);
  expect(errors).toEqual([]);
  await ctx.close();
});
