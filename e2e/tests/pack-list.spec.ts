import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

const DEMO = { email: 'demo@example.com', password: 'demo-pass-2026' };

async function expectNoA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary).toEqual([]);
}

async function signIn(page: Page, next = '/packs') {
  await page.goto(next);
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('邮箱').fill(DEMO.email);
  await page.getByLabel('密码').fill(DEMO.password);
  // Enter submits the form.
  await page.getByLabel('密码').press('Enter');
}

/** Console errors include CSP violations (the server forbids inline script). */
function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (
      m.type() === 'error' &&
      !/Failed to load resource: the server responded with a status of 40[14]/.test(m.text())
    ) {
      errors.push(m.text());
    }
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

function packTable(page: Page) {
  return page.getByRole('table', { name: /资源包列表|Resource packs/ });
}

test.describe('pack list journey', () => {
  test('sign-in page: wrong password shows an error, and the page passes axe', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { level: 1, name: '登录费用控制台' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expectNoA11yViolations(page);

    await page.getByLabel('邮箱').fill(DEMO.email);
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('alert')).toContainText('邮箱或密码不正确');
    await expect(page).toHaveURL(/\/login/);
  });

  test('a customer sees their packs, switches language, filters via the URL and opens a pack', async ({
    page,
  }, testInfo) => {
    const consoleErrors = collectConsoleErrors(page);
    // The guard sends an unauthenticated visitor to /login and back to the page they asked for.
    await signIn(page, '/packs');
    await expect(page).toHaveURL(/\/packs$/);
    await expect(page.getByRole('heading', { level: 1, name: '资源包' })).toBeVisible();
    await expect(page.getByTestId('account-name')).toContainText('Demo Tech Co.');

    // R3.5: the seeded identity.basic pack: total 10,000, used 6,420 (64.20%), remaining 3,580.
    // (Other journeys may buy more identity.basic packs in the same run: pick the seeded one.)
    const row = packTable(page).getByRole('row').filter({ hasText: 'identity.basic' }).filter({ hasText: '6,420' });
    await expect(row).toHaveCount(1);
    const cells = row.getByRole('cell');
    await expect(cells.nth(0)).toContainText('身份信息核验');
    await expect(cells.nth(1)).toHaveText('购买');
    await expect(cells.nth(2)).toHaveText('10,000');
    await expect(cells.nth(3)).toHaveText('3,580');
    await expect(cells.nth(4)).toContainText('6,420 次（64.20%）');
    await expect(row.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '64.2');
    // Issue 9: after the list, the burn-down projection of the active pack describes its bar (no exact
    // dates: the seeded account is shared by every journey), and a marker is drawn on the bar.
    await expect(row.getByRole('progressbar')).toHaveAccessibleDescription(
      /^预计：(\d{4}-\d{2}-\d{2} 用完|约 [\d,]+ 次将于 \d{4}-\d{2}-\d{2} 到期作废|截至 \d{4}-\d{2}-\d{2} 累计使用 [\d,]+ 次（共 [\d,]+ 次）)$/,
    );
    await expect(row.getByTestId('pack-projection')).toHaveText(/^预计：/);
    await expect(cells.nth(7)).toHaveText('生效中');
    await expect(cells.nth(8)).toContainText('资源包已产生调用，不支持退费');

    // A refundable pack shows the amount and the deadline (R8.1).
    await expect(
      packTable(page)
        .getByText(/可退 ¥1,150\.00/)
        .first(),
    ).toBeVisible();

    await page.screenshot({ path: testInfo.outputPath('pack-list-zh.png'), fullPage: true });
    await expectNoA11yViolations(page);

    // Language: zh-CN → English → zh-CN; the page text and <html lang> follow.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Resource packs' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(cells.nth(4)).toContainText('6,420 calls (64.20%)');
    await expect(row.getByRole('progressbar')).toHaveAccessibleDescription(
      /^Projected: (runs out on \d{4}-\d{2}-\d{2}|about [\d,]+ calls expire unused on \d{4}-\d{2}-\d{2}|[\d,]+ of [\d,]+ calls used by \d{4}-\d{2}-\d{2})$/,
    );
    await expect(cells.nth(1)).toHaveText('Purchased');
    await page.screenshot({ path: testInfo.outputPath('pack-list-en.png'), fullPage: true });
    await page.getByRole('button', { name: '简体中文' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '资源包' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

    // Filters live in the URL: source=gift, then status=active.
    await page.getByLabel('来源').selectOption('gift');
    await expect(page).toHaveURL(/[?&]source=gift/);
    const rows = packTable(page).locator('tbody tr');
    await expect(rows).toHaveCount(3);
    for (const r of await rows.all()) await expect(r.getByRole('cell').nth(1)).toHaveText('赠送');

    await page.getByLabel('状态').selectOption('active');
    await expect(page).toHaveURL(/[?&]status=active/);
    await expect(page).toHaveURL(/[?&]source=gift/);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('basic.authority');
    await expect(rows.first().getByRole('cell').nth(7)).toHaveText('生效中');

    // A reload keeps the filter (shareable URL).
    await page.reload();
    await expect(page.getByLabel('来源')).toHaveValue('gift');
    await expect(page.getByLabel('状态')).toHaveValue('active');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('basic.authority');

    // Open the pack's detail page: its figures and the daily usage chart.
    await rows.first().getByRole('link').first().click();
    await expect(page).toHaveURL(/\/packs\/\d+$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('基础版人脸核身');
    await expect(page.getByRole('heading', { name: '每日用量' })).toBeVisible();
    await expect(page.getByRole('region', { name: '概览' })).toContainText('500');
    await expect(page.getByRole('img', { name: /每日用量柱状图/ })).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test('cursor pagination: next and previous pages live in the URL', async ({ page }) => {
    await signIn(page, '/packs?limit=4');
    const rows = packTable(page).locator('tbody tr');
    await expect(rows).toHaveCount(4);
    // A row carries a live refund countdown, so rows are compared by the pack they show
    // ("label · #id"), not by their whole text.
    const packOf = async () => {
      const id = ((await rows.first().textContent()) ?? '').match(/· #(\d+)/)?.[1];
      expect(id, 'the first row names its pack').toBeTruthy();
      return new RegExp(`· #${id}(?!\\d)`);
    };
    const firstPage = await packOf();

    await page.getByRole('button', { name: '下一页' }).click();
    await expect(page).toHaveURL(/[?&]cursor=/);
    await expect(rows).toHaveCount(4);
    await expect(rows.first()).not.toHaveText(firstPage);

    // A reload keeps the page.
    const secondPage = await packOf();
    await page.reload();
    await expect(rows.first()).toHaveText(secondPage);

    await page.goBack();
    await expect(page).not.toHaveURL(/cursor=/);
    await expect(rows.first()).toHaveText(firstPage);

    // Sign out from the user menu: back to /login, and the console is closed again.
    await page.getByRole('button', { name: /用户菜单/ }).click();
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto('/account');
    await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);
  });

  test('an unknown pack id shows a not-found state; reset link clears filters', async ({ page }) => {
    await signIn(page, '/packs/999999');
    await expect(page).toHaveURL(/\/packs\/999999$/);
    await expect(page.getByRole('heading', { name: '资源包不存在' })).toBeVisible();

    await page.goto('/packs?source=gift&status=refunded');
    await expect(page.getByRole('heading', { name: '没有符合筛选条件的资源包' })).toBeVisible();
    await page.getByRole('link', { name: '重置筛选' }).first().click();
    await expect(page).toHaveURL(/\/packs$/);
    await expect(packTable(page).locator('tbody tr').first()).toBeVisible();
  });
});
