import { expect, request, test } from '@playwright/test';
import { AGENT, CUSTOMER, collectConsoleErrors, expectNoA11yViolations, signIn } from '../fixtures/staff.ts';

/**
 * R9.1 invitations by email (issue 19): the owner invites an email with a role; the link is read from
 * the outbox (the staff outbox API, as support would see the email); the invitee opens it in a fresh
 * browser, sets a name and password and lands signed in with that role; the used link says so. Then
 * the owner changes the member's role and removes them (R9.1), each confirmed in a dialog.
 */
test('the owner invites by email; the invitee sets a password from the emailed link and is signed in as finance; the owner then makes them a viewer and removes them', async ({
  page,
  browser,
  baseURL,
}) => {
  const errors = collectConsoleErrors(page);
  const email = `invitee-${Date.now()}@example.com`;
  await signIn(page, CUSTOMER);
  await page.goto('/members');
  await expect(page.getByRole('heading', { level: 1, name: '成员与邀请' })).toBeVisible();
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('角色').selectOption('finance');
  await page.getByRole('button', { name: '发送邀请' }).click();
  await expect(page.getByRole('status').filter({ hasText: email })).toContainText(`已向 ${email} 发送邀请`);
  const pending = page.getByRole('table', { name: '待接受的邀请列表' });
  await expect(pending.getByRole('row', { name: new RegExp(email) })).toContainText('等待接受');
  await expectNoA11yViolations(page);

  // The email, as it sits in the outbox.
  const agent = await request.newContext({ baseURL });
  expect((await agent.post('/api/v1/auth/login', { data: AGENT })).status()).toBe(200);
  let link = '';
  await expect
    .poll(async () => {
      const box = (await (await agent.get('/api/v1/staff/outbox?limit=50')).json()) as {
        items: { recipient: string; body: string }[];
      };
      link =
        /https?:\/\/\S+\/accept-invite#token=[\w-]+/.exec(
          box.items.find((m) => m.recipient === email)?.body ?? '',
        )?.[0] ?? '';
      return link;
    })
    .not.toBe('');
  await agent.dispose();
  const path = new URL(link).pathname + new URL(link).hash;

  // A fresh browser: no session, no cookies of the owner.
  const invitee = await browser.newContext({ baseURL });
  const p2 = await invitee.newPage();
  const errors2 = collectConsoleErrors(p2);
  await p2.goto(path);
  await expect(p2.getByRole('heading', { level: 1, name: '接受邀请' })).toBeVisible();
  await expect(p2.getByText('您受邀以「财务」身份加入')).toBeVisible();
  await expect(p2.getByLabel('登录邮箱')).toHaveValue(email);
  await expectNoA11yViolations(p2);
  await p2.getByLabel('您的姓名').fill('Invited Finance');
  await p2.getByLabel('设置密码').fill('invited-pass-2026');
  await p2.getByLabel('再次输入密码').fill('invited-pass-2026');
  await p2.getByRole('button', { name: '设置密码并登录' }).click();
  await expect(p2).not.toHaveURL(/accept-invite|login/);
  const me = (await (await p2.request.get('/api/v1/me')).json()) as { user: { email: string; roles: string[] } };
  expect(me.user).toMatchObject({ email, roles: ['finance'] });

  // The link works once.
  await p2.goto(path);
  await expect(p2.getByTestId('invitation-problem')).toContainText('此邀请链接已被使用');
  await expectNoA11yViolations(p2);
  await invitee.close();

  // The owner's list no longer shows it pending.
  await page.reload();
  const members = page.getByRole('table', { name: '账户成员' });
  await expect(members).toContainText(email);

  // R9.1 the owner changes the new member's role, then removes them, each confirmed in a dialog.
  const row = members.getByRole('row', { name: new RegExp(email) });
  await row.getByRole('button', { name: '更改角色 Invited Finance' }).click();
  const roleDialog = page.getByRole('alertdialog', { name: '更改 Invited Finance 的角色' });
  await roleDialog.getByLabel('新角色').selectOption('viewer');
  await expectNoA11yViolations(page);
  await roleDialog.getByRole('button', { name: '保存角色' }).click();
  await expect(roleDialog).toBeHidden();
  await expect(row).toContainText('只读成员');
  const asOwner = (await (await page.request.get('/api/v1/account/users')).json()) as {
    items: { email: string; role: string }[];
  };
  expect(asOwner.items.find((m) => m.email === email)?.role).toBe('viewer');
  await row.getByRole('button', { name: '移除 Invited Finance' }).click();
  const removeDialog = page.getByRole('alertdialog', { name: '将 Invited Finance 移出账户？' });
  await removeDialog.getByRole('button', { name: '移除成员' }).click();
  await expect(removeDialog).toBeHidden();
  await expect(members).not.toContainText(email);
  // The owner's own row offers neither action.
  await expect(members.getByRole('row', { name: /（您）/ }).getByRole('button')).toHaveCount(0);
  expect([...errors, ...errors2]).toEqual([]);
});
