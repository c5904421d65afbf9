import { expect, type Page, test } from '@playwright/test';
import { collectConsoleErrors, DEMO_OWNER, expectNoA11yViolations, signIn } from '../fixtures/money.ts';

/** Issue 17: the page itself never scrolls sideways (tables become cards or scroll inside their own region). */
async function expectNoSidewaysScroll(page: Page) {
  // Evaluated in the page (a string: this project's e2e types have no DOM library).
  const { scrollWidth, clientWidth } = await page.evaluate<{ scrollWidth: number; clientWidth: number }>(
    '({ scrollWidth: document.scrollingElement.scrollWidth, clientWidth: document.scrollingElement.clientWidth })',
  );
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px window`).toBeLessThanOrEqual(clientWidth);
}

/** The element lies inside the window horizontally (seen without scrolling sideways). */
async function expectWithinWidth(page: Page, locator: ReturnType<Page['locator']>) {
  await locator.scrollIntoViewIfNeeded();
  await expect(locator).toBeInViewport();
  const box = await locator.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box, 'element has a box').not.toBeNull();
  expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= width).toBe(true);
}

test.describe('phone: packs, certificates and bills at 390×844 (issue 17)', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('pack cards show remaining, used, the refund amount and action; active packs first', async ({ page }) => {
    const consoleErrors = collectConsoleErrors(page);
    await signIn(page, DEMO_OWNER, '/packs');
    const table = page.getByRole('table', { name: '资源包列表' });
    await expect(table.locator('tbody tr').first()).toBeVisible();
    await expectNoSidewaysScroll(page);
    // Active first, then by expiry: the first card is an active pack.
    await expect(table.locator('tbody tr').first()).toContainText('生效中');
    // The seeded identity.basic pack: remaining and used are on its card, in the window.
    const card = table.getByRole('row').filter({ hasText: 'identity.basic' }).filter({ hasText: '6,420' });
    await expectWithinWidth(page, card.getByTestId('pack-remaining'));
    await expect(card.getByTestId('pack-remaining')).toHaveText('3,580');
    await expectWithinWidth(page, card.getByText('6,420 次（64.20%）'));
    // A refundable pack: the amount and the Refund button are both reachable without sideways scrolling.
    const refundable = table
      .getByRole('row')
      .filter({ hasText: /可退 ¥/ })
      .first();
    await expectWithinWidth(page, refundable.getByText(/可退 ¥[\d,]+\.\d\d/));
    await expectWithinWidth(page, refundable.getByRole('button', { name: /^退费/ }));
    await expectNoA11yViolations(page);
    expect(consoleErrors).toEqual([]);
  });

  test('certificate cards show the amount and the actions', async ({ page }) => {
    await signIn(page, DEMO_OWNER, '/certificates');
    const table = page.getByRole('table', { name: 'SSL 证书订单列表' });
    await expect(table.locator('tbody tr').first()).toBeVisible();
    await expectNoSidewaysScroll(page);
    const first = table.locator('tbody tr').first();
    await expectWithinWidth(page, first.getByText(/^¥[\d,]+\.\d\d$/).first());
    const withAction = table
      .locator('tbody tr')
      .filter({ has: page.getByRole('button') })
      .first();
    await expectWithinWidth(page, withAction.getByRole('button').first());
    await expectNoA11yViolations(page);
  });

  test('resource bill and itemized bill as cards; the column chooser keeps Save on screen', async ({ page }) => {
    await signIn(page, DEMO_OWNER, '/bills/resources');
    const resources = page.getByRole('table', { name: /资源 ID 账单/ });
    await expect(resources.locator('tbody tr').first()).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectWithinWidth(
      page,
      resources
        .locator('tbody tr')
        .first()
        .getByText(/¥[\d,]+\.\d\d/)
        .last(),
    );
    await expectNoA11yViolations(page);

    await page.goto('/bills/items');
    const items = page.getByRole('table', { name: /明细账单/ });
    await expect(items.locator('tbody tr').first()).toBeVisible();
    await expectNoSidewaysScroll(page);
    const line = items.locator('tbody tr').first();
    await expectWithinWidth(page, line.getByRole('link', { name: /追溯|Explain/ }));
    await expectNoA11yViolations(page);

    await page.getByRole('button', { name: '自定义列' }).click();
    const chooser = page.getByRole('dialog', { name: '自定义明细账单列' });
    await expect(chooser.getByRole('button', { name: '保存' })).toBeInViewport();
    await expectNoA11yViolations(page);
    await chooser.getByRole('button', { name: '取消' }).click();
  });

  test('an order page wraps its long id and shows what was paid', async ({ page }) => {
    await signIn(page, DEMO_OWNER, '/packs');
    const orders = await (await page.request.get('/api/v1/orders?limit=1')).json();
    const id = String(orders.items[0]?.id ?? '');
    expect(id).not.toBe('');
    await page.goto(`/bills/orders/${encodeURIComponent(id)}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(id.slice(0, 12));
    await expectNoSidewaysScroll(page);
    await expectWithinWidth(page, page.getByText('现金支付').locator('xpath=following-sibling::dd[1]'));
    await expectNoA11yViolations(page);
  });

  test('a month still ahead says it has not started, not "charges still accruing"', async ({ page }) => {
    await signIn(page, DEMO_OWNER, '/bills?month=2099-01');
    await expect(page.getByRole('heading', { name: '2099-01 尚未开始' })).toBeVisible();
    await expect(page.getByText('费用仍在产生')).toHaveCount(0);
    await expectNoSidewaysScroll(page);
    await expectNoA11yViolations(page);
    await page.getByTestId('bills-current-month').click();
    await expect(page).not.toHaveURL(/2099-01/);
    await expect(page.getByTestId('bill-total')).toBeVisible();
    // The resource-ID and itemized bills say the same, without asking for a bill.
    for (const path of ['/bills/resources', '/bills/items']) {
      await page.goto(`${path}?month=2099-01`);
      await expect(page.getByRole('heading', { name: '2099-01 尚未开始' })).toBeVisible();
      await expect(page.getByTestId('bill-summary')).toHaveCount(0);
      await expectNoSidewaysScroll(page);
    }
  });
});

test.describe('desktop: itemized bill at 1440×900 (issue 17)', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('the first column stays in place while the wide bill scrolls, and the column chooser Save is on screen', async ({
    page,
  }) => {
    await signIn(page, DEMO_OWNER, '/bills/items');
    const region = page.getByRole('region', { name: /明细账单/ });
    const table = region.getByRole('table');
    const firstCell = table.locator('tbody tr').first().locator('td').first();
    await expect(firstCell).toBeVisible();
    await expectNoSidewaysScroll(page);
    const before = await firstCell.boundingBox();
    const scrolled = await region.evaluate((el) => {
      el.scrollLeft = 600;
      return el.scrollLeft;
    });
    expect(scrolled, 'the bill is wider than the window').toBeGreaterThan(0);
    await expect.poll(async () => (await firstCell.boundingBox())?.x).toBe(before?.x);
    // A cell that is not first does move.
    const third = table.locator('tbody tr').first().locator('td').nth(2);
    expect((await third.boundingBox())?.x).toBeLessThan(before?.x ?? 0);
    await expectNoA11yViolations(page);

    await page.getByRole('button', { name: '自定义列' }).click();
    const chooser = page.getByRole('dialog', { name: '自定义明细账单列' });
    await expect(chooser.getByRole('button', { name: '保存' })).toBeInViewport();
    await expectNoA11yViolations(page);
  });
});
