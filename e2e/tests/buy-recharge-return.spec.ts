import { expect, test } from '@playwright/test';
import { apiSession, expectNoA11yViolations, PM, signIn } from '../fixtures/money.ts';
import { freshTenant } from '../fixtures/tenant.ts';

const plain = (shown: string) => shown.replace(/[¥,\s]/g, '');

test.describe('buy: recharge from the buy page returns to the same order (issue 17)', () => {
  test.setTimeout(180_000);
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('R2.3 short of money: recharge exactly the shortfall, come back to the order, and pay it', async ({
    page,
    baseURL,
  }) => {
    // A fresh tenant with empty balances, so the shared demo account's money stays untouched.
    const pm = await apiSession(baseURL ?? '', PM);
    const tenant = await freshTenant(page, pm);
    await signIn(page, tenant.customer, '/buy');
    await page.getByLabel('计费标签', { exact: true }).selectOption('bankcard.verify');
    const tier = page.getByRole('radio', { name: /^1,000 次/ });
    await tier.locator('xpath=..').click();
    await expect(tier).toBeChecked();
    await page.getByLabel('数量（个）').fill('2');
    await expect(page).toHaveURL(/quantity=2/);
    const orderUrl = new URL(page.url());
    const shortfall = plain((await page.getByTestId('shortfall').textContent())?.match(/¥[\d,]+\.\d\d/)?.[0] ?? '');
    expect(shortfall).toMatch(/^\d+\.\d\d$/);
    await expect(page.getByTestId('confirm-order')).toBeDisabled();

    await page.getByRole('link', { name: /^充值 ¥/ }).click();
    const dialog = page.getByRole('dialog', { name: '充值' });
    await expect(dialog.getByLabel('充值金额（元）')).toHaveValue(shortfall);
    await expect(dialog).toContainText('充值完成后可返回刚才的订单');
    await expectNoA11yViolations(page);
    await dialog.getByRole('button', { name: '确认充值' }).click();
    const back = dialog.getByRole('link', { name: '返回订单继续购买' });
    await expect(back).toBeVisible();
    await expectNoA11yViolations(page);
    await back.click();

    // The same order: label, size and quantity, now covered.
    await expect(page).toHaveURL(/\/buy\?/);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual(Object.fromEntries(orderUrl.searchParams));
    await expect(page.getByLabel('计费标签', { exact: true })).toHaveValue('bankcard.verify');
    await expect(page.getByRole('radio', { name: /^1,000 次/ })).toBeChecked();
    await expect(page.getByLabel('数量（个）')).toHaveValue('2');
    await expect(page.getByTestId('shortfall')).toHaveCount(0);
    await expect(page.getByTestId('confirm-order')).toBeEnabled();
    await page.getByTestId('confirm-order').click();
    await page.getByRole('alertdialog', { name: '确认支付' }).getByTestId('pay-now').click();
    await expect(page.getByRole('heading', { name: '购买成功' })).toBeVisible();
    await pm.delete(`/api/v1/demo/tenants/${tenant.accountId}`);
    await pm.dispose();
  });
});
