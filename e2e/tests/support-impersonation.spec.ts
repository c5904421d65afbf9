import { expect, test } from '@playwright/test';
import { AGENT, CUSTOMER, collectConsoleErrors, expectNoA11yViolations, signIn } from '../fixtures/staff.ts';

const REASON = '客户来电询问资源包用量与退费资格，需要查看其资源包（e2e）。';

test.describe('support impersonation (R9.2)', () => {
  test('an agent impersonates the demo customer read-only, is refused a refund, stops; the customer sees the access', async ({
    page,
    browser,
  }) => {
    const consoleErrors = collectConsoleErrors(page);

    // A staff user lands on the support console after sign-in.
    await signIn(page, AGENT);
    await expect(page).toHaveURL(/\/support$/);
    await expect(page.getByRole('heading', { level: 1, name: '技术支持' })).toBeVisible();
    const nav = page.getByRole('navigation', { name: '主导航' });
    await expect(nav.getByRole('link', { name: '客户账户' })).toBeVisible();
    await expect(nav.getByRole('link', { name: '资源包' })).toHaveCount(0);
    await expect(page.getByRole('table', { name: '客户账户列表' })).toBeVisible();
    await expectNoA11yViolations(page);

    // Find the demo customer by a member's email and open the account.
    await page.getByLabel('查找账户').fill(CUSTOMER.email);
    await page.getByRole('button', { name: '搜索' }).click();
    await expect(page).toHaveURL(/q=demo%40example\.com/);
    const rows = page.getByRole('table', { name: '客户账户列表' }).getByRole('row');
    await expect(rows).toHaveCount(2); // header + the one account
    await rows
      .nth(1)
      .getByRole('link', { name: /打开账户/ })
      .click();
    await expect(page).toHaveURL(/\/support\/accounts\/acct_demo$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Demo Tech Co.');
    await expectNoA11yViolations(page);

    // The reason is required: at least a sentence (the server's rule), checked before any request.
    await page.getByRole('button', { name: '开始只读代访问' }).click();
    await expect(page.getByText('请用至少一句话说明原因')).toBeVisible();
    await expect(page.getByLabel('原因（必填）')).toBeFocused();
    // The agent holds support_write, so the write box is offered, unticked (read-only by default).
    await expect(page.getByLabel('可操作（写权限）')).not.toBeChecked();

    await page.getByLabel('原因（必填）').fill(REASON);
    await page.getByLabel('工单号（选填）').fill('TCK-2048');
    await page.getByRole('button', { name: '开始只读代访问' }).click();

    // Now acting as the customer: the packs page with the banner.
    await expect(page).toHaveURL(/\/packs$/);
    const banner = page.getByTestId('impersonation-banner');
    await expect(banner).toBeVisible();
    await expect(page.getByTestId('impersonation-agent')).toContainText(AGENT.email);
    await expect(page.getByTestId('impersonation-account')).toContainText('acct_demo');
    await expect(page.getByTestId('impersonation-mode')).toHaveText('只读');
    await expect(page.getByTestId('impersonation-countdown')).toHaveText(/^(1:00:00|59:\d\d)$/);
    await expect(banner).toContainText(REASON);
    await expect(page.getByRole('button', { name: '结束代访问' })).toBeVisible();
    // The countdown is live.
    const first = await page.getByTestId('impersonation-countdown').textContent();
    await expect(page.getByTestId('impersonation-countdown')).not.toHaveText(first ?? '');

    // The customer's packs, as the customer sees them (R3.5 seeded identity.basic pack).
    const packs = page.getByRole('table', { name: '资源包列表' });
    await expect(packs.getByRole('row').filter({ hasText: 'identity.basic' }).filter({ hasText: '6,420' })).toHaveCount(
      1,
    );
    await expectNoA11yViolations(page);

    // Refund: the UI offers no refund action in a read-only session and says why…
    const refundable = packs.getByRole('row').filter({ hasText: '可退' }).first();
    await expect(refundable).toContainText('只读');
    await expect(refundable.getByRole('button', { name: /^退费/ })).toHaveCount(0);
    // …and the server refuses it too, with the read-only code.
    const list = await page.request.get('/api/v1/packs?source=purchase&limit=200');
    const eligible = ((await list.json()) as { items: { id: string; refund: { eligible: boolean } }[] }).items.find(
      (p) => p.refund.eligible,
    );
    expect(eligible, 'the seed has a refundable pack').toBeDefined();
    const refused = await page.request.post('/api/v1/refunds', {
      data: { packId: eligible?.id },
      headers: { 'idempotency-key': `e2e-ro-${Date.now()}` },
    });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).code).toBe('READ_ONLY_IMPERSONATION');

    // The banner stays on every page (here the outbox, a staff page).
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '邮件/短信发件箱' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '邮件/短信发件箱' })).toBeVisible();
    await expect(banner).toBeVisible();
    await expectNoA11yViolations(page);

    // Stop: back to the support console, no banner, no account.
    await page.getByRole('button', { name: '结束代访问' }).click();
    await expect(page).toHaveURL(/\/support$/);
    await expect(page.getByTestId('impersonation-banner')).toHaveCount(0);
    await expect(page.getByTestId('account-name')).toHaveText('未关联客户账户');
    const me = await (await page.request.get('/api/v1/me')).json();
    expect(me.impersonation).toBeNull();

    expect(consoleErrors).toEqual([]);

    // The customer sees the access, with the reason, in their access log (the 访问记录 page).
    const customer = await browser.newContext();
    const cpage = await customer.newPage();
    await signIn(cpage, CUSTOMER);
    await cpage.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '访问记录' }).click();
    await expect(cpage.getByRole('heading', { level: 1, name: '访问记录' })).toBeVisible();
    const log = cpage.getByTestId('audit-list');
    await expect(log).toContainText(REASON);
    await expect(log).toContainText('技术支持');
    // The same through the API: start, the refused refund and stop, on behalf of the account.
    const audit = (await (await cpage.request.get('/api/v1/audit?limit=200')).json()) as {
      items: { action: string; reason: string | null; outcome: string }[];
    };
    const mine = audit.items.filter((e) => e.reason === REASON);
    expect(mine.map((e) => e.action)).toEqual(expect.arrayContaining(['impersonation.start']));
    await customer.close();
  });

  test('a customer sees no staff sections and cannot open the support pages', async ({ page }) => {
    await signIn(page, CUSTOMER);
    const nav = page.getByRole('navigation', { name: '主导航' });
    await expect(nav.getByRole('link', { name: '资源包' })).toBeVisible();
    await expect(nav.getByRole('link', { name: '客户账户' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: '演示租户' })).toHaveCount(0);
    await page.goto('/support');
    await expect(page.getByRole('heading', { name: '仅限技术支持人员' })).toBeVisible();
  });
});
