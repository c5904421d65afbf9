import { expect, test } from '@playwright/test';
import { advance, createEmptyTenant, freshBrowser } from '../fixtures/demo-tenants.ts';
import { expectNoA11yViolations } from '../fixtures/staff.ts';

test('R9.3 the demo timeline is newest first, paged and in Chinese in the Chinese UI', async ({ browser }) => {
  test.setTimeout(240_000);
  const tenant = await createEmptyTenant(browser);
  const { ctx, page, errors } = await freshBrowser(browser);
  // Enough days for more than one page of events (settlements, daily reports, emails...).
  await advance(page, tenant.accountId, { advanceBy: 'P60D' });
  await page.goto(`/demo/${tenant.accountId}`);
  const timeline = page.getByRole('region', { name: '时间线' });
  await expect(timeline).toContainText('最新的在前');
  const times = timeline.locator('li time');
  await expect(times.first()).toBeVisible();
  const first = await times.evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
  expect(first.length).toBe(50);
  expect([...first].sort().reverse()).toEqual(first);
  // The settlement of the issue, in Chinese; no English sentence of the server's.
  await expect(timeline.getByText(/^已结算 \d{4}-\d{2}-\d{2}：后付费调用 \d+ 次，金额 ¥/).first()).toBeVisible();
  await expect(timeline).not.toContainText('Settled');
  await expect(timeline).not.toContainText('postpaid calls');
  // The README's view of a demo tenant (issue 17): its timeline newest first, in Chinese.
  await page.screenshot({ path: '../docs/screenshots/demo-tenant.png' });

  // Earlier events load below, a page at a time, still newest first; the oldest is the tenant's creation.
  const total = (
    (await (await page.request.get(`/api/v1/demo/tenants/${tenant.accountId}/timeline?limit=500`)).json()) as {
      items: unknown[];
    }
  ).items.length;
  expect(total).toBeGreaterThan(50);
  const more = timeline.getByRole('button', { name: '加载更早的事件' });
  for (let shown = 50; shown < total; shown += 50) {
    await more.click();
    await expect(times).toHaveCount(Math.min(shown + 50, total));
  }
  await expect(more).toHaveCount(0);
  const all = await times.evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
  expect(all.length).toBe(total);
  expect([...all].sort().reverse()).toEqual(all);
  await expect(timeline.locator('li').last()).toContainText('按“新开通”场景创建了演示租户');
  await expectNoA11yViolations(page);
  expect(errors).toEqual([]);
  await ctx.close();
});
