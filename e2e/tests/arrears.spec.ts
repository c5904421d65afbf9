import { expect, test } from '@playwright/test';
import { apiSession, createDemoTenant, expectNoA11yViolations, PM, readAccount, signIn } from '../fixtures/money.ts';
import { driveIntoArrears } from '../fixtures/tenant.ts';

const CALLS = 37; // nfc.idcard is postpaid only, ¥1.00 a call → ¥37.00 of debt

test.describe('arrears banner (R6, issue 7)', () => {
  test.setTimeout(120_000);

  test('shows the debt and the countdown, and a recharge of exactly that clears it', async ({ page, baseURL }) => {
    const pm = await apiSession(baseURL ?? '', PM);
    const tenant = await createDemoTenant(pm, 'empty');
    await driveIntoArrears(pm, tenant, CALLS, 'arrears-e2e');

    await signIn(page, tenant.customer, '/packs');
    expect((await readAccount(page)).balances.available).toBe('-37.00');
    const banner = page.getByTestId('arrears-banner');
    await expect(banner.getByRole('heading', { name: '账户已欠费' })).toBeVisible();
    await expect(banner.getByRole('alert')).toContainText('充值 ¥37.00 即可结清欠费');
    await expect(banner.getByRole('timer')).toContainText(/剩余 0 天 \d\d:\d\d:\d\d/);
    await expectNoA11yViolations(page);

    // English too.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(banner).toContainText('Recharge ¥37.00 to clear the debt');
    await page.getByRole('button', { name: '简体中文' }).click();

    await banner.getByRole('link', { name: '充值 ¥37.00' }).click();
    const dialog = page.getByRole('dialog', { name: '充值' });
    await expect(dialog.getByLabel('充值金额（元）')).toHaveValue('37.00');
    await expectNoA11yViolations(page);
    await dialog.getByRole('button', { name: '确认充值' }).click();
    await expect(dialog).toContainText('已充值 ¥37.00，当前可用余额 ¥0.00');
    await dialog.getByRole('button', { name: '完成' }).click();
    await expect(banner).toBeHidden();
    expect((await readAccount(page)).status).toBe('active');
    await pm.delete(`/api/v1/demo/tenants/${tenant.accountId}`);
    await pm.dispose();
  });
});
