import { expect, test } from '@playwright/test';
import { createEmptyTenant, freshBrowser } from '../fixtures/demo-tenants.ts';
import { expectNoA11yViolations } from '../fixtures/staff.ts';

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('R9.3 on a phone (390×844) the demo clock panel starts collapsed and never covers the pay button', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const tenant = await createEmptyTenant(browser);
  const { ctx, page, errors } = await freshBrowser(browser, tenant.customer, {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await page.goto('/buy?label=mobile.2factor&size=10000&quantity=1');
  const panel = page.getByTestId('floating-demo-panel');
  const toggle = panel.getByRole('button', { name: /演示时钟/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(panel.getByRole('button', { name: '+1 小时' })).toBeHidden();

  // The pay button, scrolled into view at the very bottom of the page, is not under the panel.
  const pay = page.getByTestId('confirm-order');
  await expect(pay).toBeVisible();
  await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
  const payBox = await pay.boundingBox();
  const panelBox = await panel.boundingBox();
  expect(payBox && panelBox).toBeTruthy();
  expect(
    overlaps(payBox as Box, panelBox as Box),
    `pay ${JSON.stringify(payBox)} panel ${JSON.stringify(panelBox)}`,
  ).toBe(false);
  await expectNoA11yViolations(page);

  // Opened, it offers +1 hour / +1 day / next 08:00 / a date; +1 hour moves the clock by an hour.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  for (const name of ['+1 小时', '+1 天', '到下一次 08:00 结算', '前进到该时间']) {
    await expect(panel.getByRole('button', { name })).toBeVisible();
  }
  const before = (await (await page.request.get('/api/v1/me')).json()) as { clock: { now: string } };
  await panel.getByRole('button', { name: '+1 小时' }).click();
  await expect(panel.getByRole('button', { name: '+1 小时' })).toBeEnabled({ timeout: 60_000 });
  await expect(panel).toContainText('本次前进发生');
  const after = (await (await page.request.get('/api/v1/me')).json()) as { clock: { now: string } };
  expect(Date.parse(after.clock.now) - Date.parse(before.clock.now)).toBe(3_600_000);
  await expectNoA11yViolations(page);

  // Reloaded on the phone it is collapsed again.
  await page.reload();
  await expect(panel.getByRole('button', { name: /演示时钟/ })).toHaveAttribute('aria-expanded', 'false');
  expect(errors).toEqual([]);
  await ctx.close();
});
