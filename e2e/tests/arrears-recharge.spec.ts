import { expect, test } from '@playwright/test';
import { apiSession, expectNoA11yViolations, PM, readAccount, signIn } from '../fixtures/money.ts';
import { driveIntoArrears, freshTenant } from '../fixtures/tenant.ts';

const CALLS = 37; // nfc.idcard is postpaid only, ¥1.00 a call → ¥37.00 of debt

test.describe('arrears: the recharge dialog says what is owed and what is still missing (issue 17, R6.3)', () => {
  test.setTimeout(180_000);
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('R6.3 pre-filled with the debt; a partial recharge says what is missing and that arrears go on', async ({
    page,
    baseURL,
  }) => {
    const pm = await apiSession(baseURL ?? '', PM);
    const tenant = await freshTenant(page, pm);
    await driveIntoArrears(pm, tenant, CALLS, 'arrears-recharge-e2e');

    // Opened without an amount (the account page's button), the dialog starts from what is owed.
    await signIn(page, tenant.customer, '/account');
    expect((await readAccount(page)).balances.available).toBe('-37.00');
    await page.getByRole('main').getByRole('button', { name: '充值', exact: true }).click();
    let dialog = page.getByRole('dialog', { name: '充值' });
    await expect(dialog.getByTestId('recharge-owed')).toContainText('充值至少 ¥37.00 可结清欠费');
    await expect(dialog.getByLabel('充值金额（元）')).toHaveValue('37.00');
    await dialog.getByRole('button', { name: '取消' }).click();

    // From the arrears banner in the header: pre-filled with the debt, and it says so.
    await page.getByTestId('arrears-banner').getByRole('link', { name: '充值 ¥37.00' }).click();
    dialog = page.getByRole('dialog', { name: '充值' });
    await expect(dialog.getByText('当前欠费 ¥37.00', { exact: true })).toBeVisible();
    await expect(dialog.getByLabel('充值金额（元）')).toHaveValue('37.00');
    await expectNoA11yViolations(page);

    // Less than the debt: before paying it says what is still missing.
    await dialog.getByLabel('充值金额（元）').fill('20');
    await expect(dialog.getByTestId('recharge-partial')).toContainText('充值 ¥20.00 后仍差 ¥17.00：账户仍处于欠费状态');
    await dialog.getByRole('button', { name: '确认充值' }).click();
    await expect(dialog).toContainText('已充值 ¥20.00，当前可用余额 -¥17.00');
    await expect(dialog.getByText('仍处于欠费状态')).toBeVisible();
    await expect(dialog.getByTestId('recharge-shortfall')).toContainText('还差 ¥17.00');
    await expectNoA11yViolations(page);
    expect((await readAccount(page)).status).not.toBe('active');

    // "Recharge ¥17.00 more" clears it.
    await dialog.getByRole('button', { name: '再充值 ¥17.00' }).click();
    await expect(dialog.getByLabel('充值金额（元）')).toHaveValue('17.00');
    await dialog.getByRole('button', { name: '确认充值' }).click();
    await expect(dialog).toContainText('已充值 ¥17.00，当前可用余额 ¥0.00');
    await expect(dialog.getByTestId('recharge-shortfall')).toHaveCount(0);
    await dialog.getByRole('button', { name: '完成' }).click();
    await expect(page.getByTestId('arrears-banner')).toBeHidden();
    expect((await readAccount(page)).status).toBe('active');
    await pm.delete(`/api/v1/demo/tenants/${tenant.accountId}`);
    await pm.dispose();
  });
});
