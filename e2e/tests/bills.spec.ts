import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import {
  collectConsoleErrors,
  DEMO,
  expectNoA11yViolations,
  money,
  type Overview,
  serverMonth,
  signIn,
} from '../fixtures/bills.ts';

function itemsTable(page: Page) {
  return page.getByRole('table', { name: /明细账单|Itemized bill/ });
}

async function headers(page: Page): Promise<string[]> {
  return (await itemsTable(page).locator('thead th').allTextContents()).map((h) => h.replace(/\s*\(.*\)$/, '').trim());
}

async function summaryCount(page: Page): Promise<number> {
  const s = page.getByTestId('bill-summary');
  await expect(s).toBeVisible();
  return Number(await s.getAttribute('data-count'));
}

test.describe('bills (R5.5)', () => {
  test('overview, trend table fallback, drill from a resource into its items, filter by transaction type', async ({
    page,
  }, testInfo) => {
    const errors = collectConsoleErrors(page);
    await signIn(page, DEMO, '/bills');
    await expect(page.getByRole('heading', { level: 1, name: '费用中心' })).toBeVisible();
    const month = await serverMonth(page.request);
    const overview = (await (await page.request.get(`/api/v1/bills/overview?month=${month}`)).json()) as Overview;

    // The default month is the current CST month; the total matches the API.
    await expect(page.getByLabel('账单月份')).toHaveValue(month);
    await expect(page.getByTestId('bill-total')).toHaveText(money(overview.total));

    // The trend: 12 months; a keyboard stop per bar whose tooltip shows the figure.
    const prev = overview.trend[overview.trend.length - 2];
    if (!prev) throw new Error('trend too short');
    expect(overview.trend).toHaveLength(12);
    const bar = page.getByRole('button', { name: `${prev.month}: ${money(prev.total)}` });
    await bar.hover();
    await expect(page.getByTestId('chart-tooltip')).toContainText(money(prev.total));
    // Arrow keys move between months.
    await bar.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('chart-tooltip')).toContainText(month);

    // The accessible table fallback has the same figure for the previous month.
    await page.getByText('以表格查看数据').click();
    const trendTable = page.getByRole('table', { name: /每月费用柱状图/ });
    await expect(trendTable.getByRole('row', { name: new RegExp(prev.month) })).toContainText(money(prev.total));
    await page.screenshot({ path: testInfo.outputPath('bills-overview-zh.png'), fullPage: true });
    await expectNoA11yViolations(page);

    // Month picker: the previous month is in the URL.
    await page.getByRole('button', { name: '上个月' }).click();
    await expect(page).toHaveURL(new RegExp(`month=${prev.month}`));
    await expect(page.getByTestId('bill-total')).toHaveText(money(prev.total));

    // Resource-ID bill of the previous month: drill into the first real resource.
    await page.getByRole('link', { name: '资源 ID 账单' }).click();
    await expect(page).toHaveURL(new RegExp(`/bills/resources\\?month=${prev.month}`));
    const resTable = page.getByRole('table', { name: /资源 ID 账单/ });
    const resRow = resTable.locator('tbody tr').filter({ hasText: /res-/ }).first();
    await expect(resRow).toBeVisible();
    const resourceId = ((await resRow.locator('td').first().textContent()) ?? '').trim();
    const rowCount = Number(((await resRow.locator('td').nth(5).textContent()) ?? '').replace(/,/g, ''));
    await page.screenshot({ path: testInfo.outputPath('bills-resources-zh.png'), fullPage: true });
    await expectNoA11yViolations(page);

    await resRow.getByRole('link').first().click();
    await expect(page).toHaveURL(/\/bills\/items\?/);
    await expect(page).toHaveURL(new RegExp(`q=${resourceId}`));
    // The previous filter's answer stays on screen while this one loads (keepPreviousData): wait for this one.
    await expect(page.getByTestId('bill-summary')).toHaveAttribute('data-count', String(rowCount));
    const rows = itemsTable(page).locator('tbody tr');
    await expect(rows.first()).toContainText(resourceId);
    for (const r of await rows.all()) await expect(r).toContainText(resourceId);

    // Filter by transaction type: the URL changes and every row is of that type.
    await page.getByRole('link', { name: '明细账单' }).click();
    await page.getByLabel('交易类型').selectOption('daily_settlement');
    await expect(page).toHaveURL(/transactionType=daily_settlement/);
    await expect(page).toHaveURL(new RegExp(`month=${prev.month}`));
    await expect(rows.first()).toBeVisible();
    const typeCol = (await headers(page)).indexOf('交易类型');
    expect(typeCol).toBeGreaterThanOrEqual(0);
    for (const r of (await rows.all()).slice(0, 20)) await expect(r.locator('td').nth(typeCol)).toHaveText('按日结算');
    await page.screenshot({ path: testInfo.outputPath('bills-items-zh.png'), fullPage: true });
    await expectNoA11yViolations(page);

    // A reload keeps the filter.
    await page.reload();
    await expect(page.getByLabel('交易类型')).toHaveValue('daily_settlement');

    // Keyset paging: page size 10 → next page has other rows; first page comes back.
    await page.goto(`/bills/items?month=${prev.month}&limit=10`);
    await expect(rows).toHaveCount(10);
    const first = await rows.first().textContent();
    await page.getByRole('button', { name: '下一页' }).click();
    await expect(page).toHaveURL(/cursor=/);
    await expect(rows.first()).not.toHaveText(first ?? '');
    await page.getByRole('button', { name: '上一页' }).click();
    await expect(rows.first()).toHaveText(first ?? '');

    // English.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Billing center' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('bills-items-en.png'), fullPage: true });
    await page.getByRole('button', { name: '简体中文' }).click();
    expect(errors).toEqual([]);
  });

  test('column chooser: hide and reorder, kept after reload and in another browser', async ({ page, browser }) => {
    await signIn(page, DEMO, '/bills/items');
    await expect.poll(() => headers(page)).toContain('别名');
    const before = await headers(page);

    await page.getByRole('button', { name: '自定义列' }).click();
    const dialog = page.getByRole('dialog', { name: '自定义明细账单列' });
    await expect(dialog).toBeVisible();
    await expectNoA11yViolations(page);
    await dialog.getByLabel('别名', { exact: true }).uncheck();
    // Move "金额" (amount) up twice with the keyboard-accessible buttons.
    await dialog.getByRole('button', { name: '上移「金额」' }).click();
    await dialog.getByRole('button', { name: '上移「金额」' }).press('Enter');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();

    await expect
      .poll(async () => {
        const h = await headers(page);
        return h.includes('金额') && !h.includes('别名');
      })
      .toBe(true);
    const after = await headers(page);
    const amountAt = after.indexOf('金额');
    expect(after[amountAt + 1]).toBe('单价');
    expect(after[amountAt + 2]).toBe('用量');

    await page.reload();
    await expect.poll(() => headers(page)).toEqual(after);

    // Another browser (fresh context, new sign-in) sees the same columns: they live on the server.
    const other = await browser.newContext();
    const page2 = await other.newPage();
    await signIn(page2, DEMO, '/bills/items');
    await expect.poll(() => headers(page2)).toEqual(after);
    await other.close();

    // Restore the defaults for other specs.
    await page.getByRole('button', { name: '自定义列' }).click();
    await dialog.getByRole('button', { name: '恢复默认' }).click();
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(() => headers(page)).toEqual(before);
  });

  test('CSV download of the month with the current filters: header and row count equal the screen', async ({
    page,
  }) => {
    await signIn(page, DEMO, '/bills');
    const month = await serverMonth(page.request);
    await page.goto(`/bills/items?month=${month}&billingMode=postpaid`);
    const count = await summaryCount(page);
    expect(count).toBeGreaterThan(0);

    const link = page.getByRole('link', { name: '下载 CSV' });
    await expect(link).toHaveAttribute(
      'href',
      new RegExp(`/api/v1/bills/items\\.csv\\?month=${month}&billingMode=postpaid`),
    );
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const path = await download.path();
    const text = await readFile(path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff); // UTF-8 BOM for spreadsheet programs
    const lines = text
      .slice(1)
      .split(/\r?\n/)
      .filter((l) => l.length > 0);
    // R5.5: the Chinese console downloads a Chinese CSV (headers and values), with the usage date.
    expect(lines[0]).toMatch(/^明细编号,时间（北京时间）,用量日期,/);
    expect(lines[0]).toContain('金额（元）');
    expect(lines.length - 1).toBe(count);
    for (const l of lines.slice(1)) expect(l).toContain(',后付费,');
  });

  test('issue 9: every itemized line has an explain link that opens the rule behind it', async ({ page }) => {
    const errors = collectConsoleErrors(page);
    await signIn(page, DEMO, '/bills');
    const month = await serverMonth(page.request);
    const overview = (await (await page.request.get(`/api/v1/bills/overview?month=${month}`)).json()) as Overview;
    // The previous month has a full month of settled postpaid days, recorded call by call.
    const prev = overview.trend[overview.trend.length - 2];
    if (!prev) throw new Error('trend too short');
    await page.goto(`/bills/items?month=${prev.month}&transactionType=daily_settlement`);
    const rows = itemsTable(page).locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    // Every row has one, named after its line.
    const links = itemsTable(page).getByRole('link', { name: /^追溯账单明细 \d+$/ });
    await expect(links).toHaveCount(await rows.count());
    await expect(itemsTable(page).locator('thead th').last()).toHaveText('规则追溯');
    await expectNoA11yViolations(page);

    const link = rows.first().getByRole('link', { name: /^追溯账单明细 \d+$/ });
    await expect(link).toHaveText('追溯');
    const id = /(\d+)$/.exec((await link.getAttribute('aria-label')) ?? '')?.[1];
    if (!id) throw new Error('no charge id in the link name');
    await link.click();

    await expect(page).toHaveURL(new RegExp(`/explain\\?chargeId=${id}$`));
    await expect(page.getByRole('heading', { level: 1, name: '扣费明细说明' })).toBeVisible();
    await expect(page.getByRole('heading', { name: `账单明细 ${id}` })).toBeVisible();
    // At least one group with its rule: a settled postpaid call had no pack to take it (R4.4).
    const groups = page.getByRole('table', { name: '按结果、资源包与规则分组的调用' }).locator('tbody tr');
    await expect(groups.first()).toBeVisible();
    // Plain words for customers, no rule ids (issue 17).
    await expect(groups.first()).toContainText('没有可用的资源包，按后付费计费');
    await expect(groups.first()).not.toContainText('R4.4');
    await expect(page.getByText(/记录的调用次数与账单数量一致/)).toBeVisible();

    // In English the link reads "Explain charge <id>".
    await page.goBack();
    await page.getByRole('button', { name: 'English' }).click();
    await expect(itemsTable(page).getByRole('link', { name: `Explain charge ${id}` })).toHaveText('Explain');
    await page.getByRole('button', { name: '简体中文' }).click();
    expect(errors).toEqual([]);
  });
});
