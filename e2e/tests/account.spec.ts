import { expect, test } from '@playwright/test';
import {
  apiSession,
  createDemoTenant,
  expectNoA11yViolations,
  PASSWORD,
  PM,
  readAccount,
  signIn,
} from '../fixtures/money.ts';

test.describe('account page (R2, R4.4)', () => {
  test('an owner recharges, switches postpaid off and on, manages service keys and resources', async ({
    page,
    baseURL,
  }) => {
    // A fresh tenant: this journey moves money and settings, so the shared demo account is left alone.
    const pm = await apiSession(baseURL ?? '', PM);
    const tenant = await createDemoTenant(pm, 'empty');
    await signIn(page, tenant.customer, '/account');
    await expect(page.getByRole('heading', { level: 1, name: '账户' })).toBeVisible();
    await expectNoA11yViolations(page);

    // Recharge: validation first, then the sandbox payment adds to cash.
    await page.getByRole('button', { name: '充值', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '充值' });
    const amount = dialog.getByLabel('充值金额（元）');
    await expect(amount).toBeFocused();
    await amount.fill('1.005');
    await dialog.getByRole('button', { name: '确认充值' }).click();
    await expect(dialog).toContainText('请输入正确的金额，最多两位小数。');
    await expect(amount).toHaveAttribute('aria-invalid', 'true');
    await amount.fill('0');
    await dialog.getByRole('button', { name: '确认充值' }).click();
    await expect(dialog).toContainText('充值金额必须大于 0。');
    await expectNoA11yViolations(page);
    await amount.fill('1234.56');
    await dialog.getByRole('button', { name: '确认充值' }).click();
    await expect(dialog).toContainText('已充值 ¥1,234.56');
    await dialog.getByRole('button', { name: '完成' }).click();
    await expect(dialog).toBeHidden();
    expect((await readAccount(page)).balances.cash).toBe('1234.56');
    await expect(page.getByRole('region', { name: '余额' })).toContainText('¥1,234.56');

    // R4.4 postpaid switch: turning it off asks first; Escape keeps it on.
    const toggle = page.getByRole('switch', { name: /资源包用完后转后付费/ });
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    await toggle.click();
    const confirmOff = page.getByRole('alertdialog', { name: '确认关闭后付费？' });
    await expect(confirmOff).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(confirmOff).toBeHidden();
    await expect(toggle).toBeFocused();
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    await toggle.click();
    await confirmOff.getByRole('button', { name: '关闭后付费' }).click();
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-checked', 'true');

    // Service keys: the secret is shown once, then only its prefix; revoking asks first.
    const keys = page.getByRole('region', { name: '服务密钥' });
    await keys.getByRole('button', { name: '创建密钥' }).click();
    const create = page.getByRole('dialog', { name: '创建服务密钥' });
    await create.getByLabel('名称').fill('e2e key');
    await create.getByRole('button', { name: '创建密钥' }).click();
    await expect(create.getByTestId('created-service-key')).toHaveValue(/^idv_sk_/);
    await expect(create).toContainText('完整密钥只显示这一次');
    await expectNoA11yViolations(page);
    await create.getByRole('button', { name: '我已保存' }).click();
    const keyRow = keys.getByRole('row').filter({ hasText: 'e2e key' });
    await expect(keyRow).toContainText('有效');
    await keyRow.getByRole('button', { name: /吊销/ }).click();
    const revoke = page.getByRole('alertdialog', { name: '吊销密钥「e2e key」？' });
    await revoke.getByRole('button', { name: '确认吊销' }).click();
    await expect(keyRow).toContainText('已于');

    // Resources: alias, project, region.
    const resources = page.getByRole('region', { name: '应用资源' });
    await resources.getByRole('button', { name: '新建资源' }).click();
    const newRes = page.getByRole('dialog', { name: '新建应用资源' });
    await newRes.getByRole('button', { name: '新建资源' }).click();
    await expect(newRes.getByText('必填。')).toHaveCount(3);
    await newRes.getByLabel('别名').fill('E2E app');
    await newRes.getByLabel('项目').fill('e2e');
    await newRes.getByLabel('地域').fill('ap-chengdu');
    await newRes.getByRole('button', { name: '新建资源' }).click();
    await expect(newRes).toBeHidden();
    await expect(resources.getByRole('row').filter({ hasText: 'E2E app' })).toContainText('ap-chengdu');
    await expectNoA11yViolations(page);

    await pm.delete(`/api/v1/demo/tenants/${tenant.accountId}`);
    await pm.dispose();
  });

  test('a viewer sees the account read-only', async ({ page }) => {
    await signIn(page, { email: 'viewer@example.com', password: PASSWORD }, '/account');
    await expect(page.getByRole('heading', { level: 1, name: '账户' })).toBeVisible();
    await expect(page.getByRole('button', { name: '充值', exact: true })).toHaveCount(0);
    await expect(page.getByRole('switch', { name: /资源包用完后转后付费/ })).toBeDisabled();
    await expect(page.getByRole('button', { name: '创建密钥' })).toHaveCount(0);
    await expect(page.getByText('只有账户所有者可以查看和管理服务密钥。')).toBeVisible();
    await expectNoA11yViolations(page);
  });
});
