import { expect, test } from '@playwright/test';
import { openEmptyTenant } from '../fixtures/demo-tenants.ts';
import { expectNoA11yViolations, signIn } from '../fixtures/staff.ts';

test("R9.3 a PM resets the customer password and opens the customer's view in one click, then comes back", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { tenant, ctx, page, errors } = await openEmptyTenant(browser);
  const access = page.getByRole('region', { name: '客户视图与登录' });
  await expect(access).toBeVisible();

  // Reset: confirmed, then the new password is shown once.
  await access.getByRole('button', { name: '重置客户密码' }).click();
  const dialog = page.getByRole('alertdialog', { name: '重置客户密码？' });
  await expect(dialog).toContainText('旧密码立即失效');
  await expectNoA11yViolations(page);
  await dialog.getByRole('button', { name: '重置客户密码' }).click();
  const shown = page.getByTestId('new-customer-password');
  await expect(shown).toContainText('新密码只显示这一次');
  const codes = shown.locator('code');
  await expect(codes.nth(0)).toHaveText(tenant.customer.email);
  const password = ((await codes.nth(1).textContent()) ?? '').trim();
  expect(password.length).toBeGreaterThan(5);
  expect(password).not.toBe(tenant.customer.password);
  await expectNoA11yViolations(page);

  // The new password signs the customer in elsewhere; the old one no longer does.
  const other = await browser.newContext();
  const old = await other.request.post('/api/v1/auth/login', {
    data: { email: tenant.customer.email, password: tenant.customer.password },
  });
  expect(old.status()).toBe(401);
  const fresh = await other.request.post('/api/v1/auth/login', { data: { email: tenant.customer.email, password } });
  expect(fresh.status()).toBe(200);
  await other.close();

  // One click: this tab is the customer's console, with the way back in the demo clock panel.
  await access.getByRole('button', { name: '以客户身份打开' }).click();
  await expect(page).toHaveURL(/\/packs/);
  const me = (await (await page.request.get('/api/v1/me')).json()) as { account: { id: string } };
  expect(me.account.id).toBe(tenant.accountId);
  const panel = page.getByTestId('floating-demo-panel');
  await expect(panel).toContainText('你正以客户身份查看（由 pm@example.com 打开）');
  await expectNoA11yViolations(page);
  await panel.getByRole('button', { name: '返回产品经理控制台' }).click();
  await expect(page).toHaveURL(new RegExp(`/demo/${tenant.accountId}$`));
  await expect(page.getByRole('region', { name: '客户视图与登录' })).toBeVisible();

  // Both are in the tenant's audit log, seen by its customer.
  const c2 = await browser.newContext();
  const cpage = await c2.newPage();
  await signIn(cpage, { email: tenant.customer.email, password });
  const audit = (await (await cpage.request.get('/api/v1/audit?limit=50')).json()) as {
    items: { action: string }[];
  };
  const actions = audit.items.map((a) => a.action);
  expect(actions).toEqual(
    expect.arrayContaining(['demo.password_reset', 'demo.customer_view_start', 'demo.customer_view_end']),
  );
  await c2.close();
  expect(errors).toEqual([]);
  await ctx.close();
});
