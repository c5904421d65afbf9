import { expect, test } from '@playwright/test';
import { apiSession, createDemoTenant, expectNoA11yViolations, PM, signIn } from '../fixtures/money.ts';

test.describe('SSL certificate refund (R8.6)', () => {
  test.setTimeout(240_000);

  test('cancel a pending order, then refund it through both confirmations', async ({ page, baseURL }) => {
    // A fresh "rich" demo tenant ends with a pending SSL certificate order; the shared account stays untouched.
    const pm = await apiSession(baseURL ?? '', PM);
    const tenant = await createDemoTenant(pm, 'rich');
    await signIn(page, tenant.customer, '/certificates');
    await expect(page.getByRole('heading', { level: 1, name: 'SSL 证书订单' })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'SSL 证书' })).toBeVisible();
    await expectNoA11yViolations(page);

    const table = page.getByRole('table', { name: 'SSL 证书订单列表' });
    const row = table.getByRole('row').filter({ hasText: '待提交' }).first();
    const domain = ((await row.getByRole('cell').first().locator('span').first().textContent()) ?? '').trim();
    const mine = table.getByRole('row').filter({ hasText: domain });
    // Refund is not offered before the application is cancelled.
    await expect(mine.getByRole('button', { name: /^退费/ })).toHaveCount(0);
    await mine.getByRole('button', { name: /撤销申请/ }).click();
    const cancel = page.getByRole('alertdialog', { name: `撤销 ${domain} 的证书申请？` });
    await expectNoA11yViolations(page);
    await cancel.getByRole('button', { name: '确认撤销' }).click();
    await expect(cancel).toBeHidden();
    await expect(mine).toContainText('已撤销');

    await mine.getByRole('button', { name: /^退费/ }).click();
    const details = page.getByRole('dialog', { name: `申请退费：${domain}` });
    await expect(details).toContainText('代金券');
    await expect(details).toContainText('不予退还');
    const preview = {
      cash: await details.getByTestId('cert-returned-cash').textContent(),
      gift: await details.getByTestId('cert-returned-gift').textContent(),
      points: await details.getByTestId('cert-returned-points').textContent(),
    };
    await expectNoA11yViolations(page);
    // R8.6 the refund-policy consent step comes before confirming.
    await details.getByLabel('我已阅读并同意上述退费政策').check();
    await details.getByRole('button', { name: '下一步' }).click();
    const confirm = page.getByRole('alertdialog', { name: '再次确认：退费后无法撤销' });
    await confirm.getByRole('button', { name: '确认退费' }).click();
    const done = page.getByRole('dialog', { name: '退费成功' });
    await expect(done.getByTestId('cert-returned-cash')).toHaveText(preview.cash ?? '');
    await expect(done.getByTestId('cert-returned-gift')).toHaveText(preview.gift ?? '');
    await expect(done.getByTestId('cert-returned-points')).toHaveText(preview.points ?? '');
    await done.getByRole('button', { name: '完成' }).click();
    await expect(mine).toContainText('已退费');
    await expect(mine.getByRole('button')).toHaveCount(0);
    await pm.delete(`/api/v1/demo/tenants/${tenant.accountId}`);
    await pm.dispose();
  });
});
