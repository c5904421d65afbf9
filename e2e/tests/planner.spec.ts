import { expect, test } from '@playwright/test';
import { collectConsoleErrors, DEMO_OWNER, expectNoA11yViolations, signIn } from '../fixtures/money.ts';

test.describe('advice journey: pack planner, burn-down forecast, deduction explainer (issue 9)', () => {
  test('plan 300,000 calls, accept the plan on the pre-filled buy page, open a pack forecast and its deductions', async ({
    page,
  }) => {
    const consoleErrors = collectConsoleErrors(page);
    await signIn(page, DEMO_OWNER, '/packs');

    // The planner is in the main navigation.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '购买规划' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '资源包购买规划' })).toBeVisible();
    await page.getByLabel('计费标签', { exact: true }).selectOption('enhanced.authority.wechat');
    await page.getByLabel('一年内的调用次数').fill('300,000');
    await page.getByRole('button', { name: '计算方案' }).click();
    await expect(page).toHaveURL(/\/planner\?label=enhanced\.authority\.wechat&calls=300000$/);

    // R5.4: the cheapest mix is 200,000 + 100,000 = ¥280,000.00, against ¥360,000.00 all postpaid.
    const table = page.getByRole('table', { name: '各方案的资源包、后付费与总价对比' });
    const best = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '最省方案' }) });
    await expect(best).toContainText('200,000 次 × 1');
    await expect(best).toContainText('100,000 次 × 1');
    await expect(best).toContainText('¥280,000.00');
    await expect(best).toContainText('¥80,000.00');
    const postpaid = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '全部后付费' }) });
    await expect(postpaid).toContainText('¥360,000.00');
    await expect(table.getByRole('row').filter({ hasText: '手动购买' })).toContainText('¥400,000.00');
    await expectNoA11yViolations(page);

    // Accept the plan: the buy page opens with the main tier pre-filled.
    await page.getByRole('link', { name: '按此方案购买' }).click();
    await expect(page).toHaveURL(/\/buy\?label=enhanced\.authority\.wechat&size=200000$/);
    await expect(page.getByRole('heading', { level: 1, name: '购买资源包' })).toBeVisible();
    await expect(page.getByLabel('计费标签', { exact: true })).toHaveValue('enhanced.authority.wechat');
    await expect(page.getByRole('radio', { name: /^200,000 次/ })).toBeChecked();
    await expect(page.getByLabel('数量（个）')).toHaveValue('1');

    // Back on the planner: the label's packs, each with its forecast.
    await page.goBack();
    await expect(page.getByRole('heading', { level: 2, name: '该标签的资源包' })).toBeVisible();
    const forecastLink = page.getByRole('link', { name: /查看资源包 \d+ 的用量预测/ }).first();
    const packId = ((await forecastLink.textContent()) ?? '').match(/\d+/)?.[0] ?? '';
    expect(packId).not.toBe('');
    await forecastLink.click();
    await expect(page).toHaveURL(new RegExp(`/planner/forecast/${packId}$`));
    await expect(page.getByRole('heading', { level: 1, name: `资源包 ${packId} 用量预测` })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: '预测结果' })).toBeVisible();
    await expect(page.getByText('预计用完日期')).toBeVisible();
    await expect(page.getByRole('figure', { name: '剩余次数：实际与预测' })).toBeVisible();
    await expect(page.getByText(/按抵扣顺序从资源包扣除/)).toBeVisible();
    await page.getByText('以表格查看每日数据').click();
    await expect(page.getByRole('table', { name: '每日调用量与剩余次数' })).toBeVisible();
    await expectNoA11yViolations(page);

    // The deductions of that pack, from the recorded usage events.
    await page.getByRole('link', { name: '查看该资源包的扣费明细' }).click();
    await expect(page).toHaveURL(new RegExp(`/explain\\?packId=${packId}$`));
    await expect(page.getByRole('heading', { level: 1, name: '扣费明细说明' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: `资源包 ${packId}` })).toBeVisible();
    await expectNoA11yViolations(page);

    // A day of the seeded postpaid history: every call explained by its rule.
    const me = await (await page.request.get('/api/v1/me')).json();
    const yesterday = new Date(new Date(me.clock.now).getTime() - 86_400_000 + 8 * 3_600_000)
      .toISOString()
      .slice(0, 10);
    await page.goto(`/explain?date=${yesterday}&label=risk.face`);
    const groups = page.getByRole('table', { name: '按结果、资源包与规则分组的调用' });
    await expect(groups).toContainText('后付费：没有可用的资源包（R4.4）');
    await expectNoA11yViolations(page);

    expect(consoleErrors).toEqual([]);
  });
});
