import { expect, test } from '@playwright/test';
import { apiSession, createDemoTenant, expectNoA11yViolations, PM, signIn } from '../fixtures/money.ts';

test.describe('SSL certificate refund with the refund-policy consent (R8.6)', () => {
  test.setTimeout(300_000);

  test('refund needs the policy ticked, then appears in the refund records and as a notice', async ({
    page,
    baseURL,
  }) => {
    const pm = await apiSession(baseURL ?? '', PM);
    const tenant = await createDemoTenant(pm, 'rich');
    await signIn(page, tenant.customer, '/certificates');
    const table = page.getByRole('table', { name: 'SSL 证书订单列表' });
    const row = table.getByRole('row').filter({ hasText: '待提交' }).first();
    const domain = ((await row.getByRole('cell').first().locator('span').first().textContent()) ?? '').trim();
    const mine = table.getByRole('row').filter({ hasText: domain });
    await mine.getByRole('button', { name: /撤销申请/ }).click();
    const cancel = page.getByRole('alertdialog', { name: `撤销 ${domain} 的证书申请？` });
    await cancel.getByRole('button', { name: '确认撤销' }).click();
    await expect(cancel).toBeHidden();

    await mine.getByRole('button', { name: /^退费/ }).click();
    const details = page.getByRole('dialog', { name: `申请退费：${domain}` });
    // The consent step: Continue stays closed until the refund policy is accepted.
    const policy = details.getByRole('group', { name: '退费政策' });
    await expect(policy).toContainText('代金券和折扣不予退还');
    await expect(policy).toContainText('证书订单作废');
    await expect(details.getByRole('button', { name: '下一步' })).toBeDisabled();
    await expectNoA11yViolations(page);
    await policy.getByLabel('我已阅读并同意上述退费政策').check();
    await details.getByRole('button', { name: '下一步' }).click();
    const confirm = page.getByRole('alertdialog', { name: '再次确认：退费后无法撤销' });
    // Certificate wording: the certificate order becomes void (not "the resource pack").
    await expect(confirm).toContainText('SSL 证书订单将立即作废');
    await expect(confirm).not.toContainText('资源包');
    await confirm.getByRole('button', { name: '确认退费' }).click();
    const done = page.getByRole('dialog', { name: '退费成功' });
    const cash = (await done.getByTestId('cert-returned-cash').textContent()) ?? '';
    await done.getByRole('button', { name: '完成' }).click();
    await expect(mine).toContainText('已退费');

    // The refund records include it, as a certificate refund.
    await page.goto('/refunds');
    const records = page.getByRole('table', { name: '退费记录列表' });
    const rec = records.getByRole('row').filter({ hasText: `${domain} 的证书订单` });
    await expect(rec).toHaveCount(1);
    await expect(rec).toContainText('SSL 证书');
    await expect(rec).toContainText(cash);
    await expectNoA11yViolations(page);

    // And a refund_completed notice names the certificate order.
    const notes = (await (await page.request.get('/api/v1/notifications?limit=50')).json()) as {
      items: { kind: string; title: string; body: string }[];
    };
    const notice = notes.items.find((n) => n.kind === 'refund_completed' && n.body.includes(domain));
    expect(notice?.title).toBe('SSL 证书订单退费已完成');
    await pm.delete(`/api/v1/demo/tenants/${tenant.accountId}`);
    await pm.dispose();
  });
});
