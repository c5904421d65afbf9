import { expect, type Page, test } from '@playwright/test';
import { collectConsoleErrors, expectNoA11yViolations, PM, signIn } from '../fixtures/staff.ts';

type Pack = {
  id: string;
  label: string;
  source: string;
  status: string;
  refund: { eligible: boolean; reason: string | null };
};

async function apiJson<T>(page: Page, url: string): Promise<T> {
  const r = await page.request.get(url);
  expect(r.ok(), `${url} → ${r.status()}`).toBe(true);
  return (await r.json()) as T;
}

test.describe('demo tenants (R9.3)', () => {
  test('a PM creates a rich tenant; its customer drives the clock from the floating panel through a settlement and past a refund window', async ({
    page,
    browser,
  }) => {
    test.setTimeout(420_000);
    const consoleErrors = collectConsoleErrors(page);

    // A PM lands on the demo panel.
    await signIn(page, PM);
    await expect(page).toHaveURL(/\/demo$/);
    await expect(page.getByRole('heading', { level: 1, name: '演示租户' })).toBeVisible();
    await expectNoA11yViolations(page);

    // Create a rich tenant: progress is shown while the history is built (30–90 s; allow 3 min).
    await page.getByRole('radio', { name: /丰富历史/ }).check();
    await page.getByRole('button', { name: '创建租户' }).click();
    await expect(page.getByRole('progressbar', { name: '创建进度' })).toBeVisible();
    await expect(page).toHaveURL(/\/demo\/demo_/, { timeout: 180_000 });

    // The customer sign-in and the service key, shown once, with copy buttons.
    const creds = page.getByRole('region', { name: '客户登录信息与服务密钥' });
    await expect(creds).toContainText('只显示这一次');
    const codes = creds.locator('code');
    const email = (await codes.nth(0).textContent())?.trim() ?? '';
    const password = (await codes.nth(1).textContent())?.trim() ?? '';
    const serviceKey = (await codes.nth(2).textContent())?.trim() ?? '';
    expect(email).toMatch(/@/);
    expect(password.length).toBeGreaterThan(5);
    await expect(creds.getByRole('button', { name: '复制客户密码' })).toBeVisible();
    await expect(page.getByRole('region', { name: '时间线' })).toContainText('租户创建');
    await expect(page.getByRole('region', { name: '脚本演示' })).toBeVisible();
    await expectNoA11yViolations(page);

    // The tenant's customer, in another browser context.
    const customer = await browser.newContext();
    const cpage = await customer.newPage();
    const customerErrors = collectConsoleErrors(cpage);
    await signIn(cpage, { email, password });
    await expect(cpage).toHaveURL(/\/packs/);
    const panel = cpage.getByTestId('floating-demo-panel');
    await expect(panel).toBeVisible();
    const me0 = await apiJson<{ clock: { now: string; simulated: boolean } }>(cpage, '/api/v1/me');
    expect(me0.clock.simulated).toBe(true);
    await expect(cpage.getByTestId('demo-simulated-now')).toHaveText(me0.clock.now.slice(0, 19).replace('T', ' '));

    // The rich scenario ends with fresh purchased packs, still refundable.
    const before = await apiJson<{ items: Pack[] }>(cpage, '/api/v1/packs?source=purchase&limit=200');
    const fresh = before.items.find((p) => p.refund.eligible);
    expect(fresh, 'a refundable purchased pack').toBeDefined();

    // Some postpaid calls today (nfc.idcard has no packs), sent with the tenant's service key.
    const resources = await apiJson<{ items: { id: string }[] } | { id: string }[]>(cpage, '/api/v1/resources');
    const resourceId = (Array.isArray(resources) ? resources : resources.items)[0]?.id;
    // The next 08:00 settles the day before it: before 08:00 that is yesterday, from 08:00 on today.
    const usedAt = settledByNextSettlement(me0.clock.now);
    const ingest = await cpage.request.post('/api/v1/usage/events', {
      headers: { authorization: `Bearer ${serviceKey}` },
      data: {
        events: [1, 2, 3].map((i) => ({
          id: `e2e-nfc-${i}`,
          label: 'nfc.idcard',
          resourceId,
          result: 'success',
          occurredAt: usedAt,
        })),
      },
    });
    expect(ingest.ok()).toBe(true);
    const outcomes = (await ingest.json()).outcomes as { outcome: string }[];
    expect(outcomes.map((o) => o.outcome)).toEqual(['postpaid', 'postpaid', 'postpaid']);

    // To the next 08:00 settlement with the floating panel.
    await panel.getByRole('button', { name: '到下一次 08:00 结算' }).click();
    await expect(panel).toContainText('本次前进发生', { timeout: 60_000 });
    await expect(panel).toContainText('每日结算');
    await expect(cpage.getByTestId('demo-simulated-now')).toHaveText(/ 08:00:00$/);
    const me1 = await apiJson<{ clock: { now: string } }>(cpage, '/api/v1/me');
    expect(me1.clock.now > me0.clock.now).toBe(true);

    // The new bill line: the day's NFC reads settled at 08:00 (checked through the bills API).
    const month = me1.clock.now.slice(0, 7);
    const items = await apiJson<{
      items: { label: string; transactionType: string; quantity: number | string; amount: string }[];
    }>(cpage, `/api/v1/bills/items?month=${month}&transactionType=daily_settlement&limit=200`);
    const nfc = items.items.filter((i) => i.label === 'nfc.idcard');
    expect(nfc.length, 'a daily settlement line for nfc.idcard').toBeGreaterThan(0);

    // Notifications: the notification centre lists the tenant's notices.
    await cpage.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '通知' }).click();
    await expect(cpage.getByRole('heading', { level: 1 })).toBeVisible();
    const notes = await apiJson<{ items: { kind: string; createdAt: string }[] }>(
      cpage,
      '/api/v1/notifications?limit=200',
    );
    expect(notes.items.length).toBeGreaterThan(0);

    // Eight more days: +7 days, then +1 day. The fresh pack's refund window closes (R8.1).
    await cpage.goto(`/packs/${fresh?.id}`);
    await expect(panel).toBeVisible();
    await panel.getByRole('button', { name: '+7 天' }).click();
    await expect(panel.getByRole('button', { name: '+7 天' })).toBeEnabled({ timeout: 90_000 });
    await panel.getByRole('button', { name: '+1 天' }).click();
    await expect(panel.getByRole('button', { name: '+1 天' })).toBeEnabled({ timeout: 60_000 });
    const me2 = await apiJson<{ clock: { now: string } }>(cpage, '/api/v1/me');
    expect(Date.parse(me2.clock.now) - Date.parse(me1.clock.now)).toBe(8 * 86_400_000);

    const after = await apiJson<Pack>(cpage, `/api/v1/packs/${fresh?.id}`);
    expect(after.refund.eligible).toBe(false);
    expect(after.refund.reason).toBe('REFUND_WINDOW_CLOSED');
    // The page refreshed by itself after the advance and says why.
    await expect(cpage.getByText('已超过购买后 7 天的无理由退费期限').first()).toBeVisible();
    const refused = await cpage.request.post('/api/v1/refunds', {
      data: { packId: fresh?.id },
      headers: { 'idempotency-key': `e2e-window-${Date.now()}` },
    });
    expect(refused.status()).toBe(409);
    expect((await refused.json()).code).toBe('REFUND_WINDOW_CLOSED');
    await expectNoA11yViolations(cpage);

    // The floating panel collapses (and says so).
    const toggle = panel.getByRole('button', { name: /演示时钟/ });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(panel.getByRole('button', { name: '+1 天' })).toBeHidden();

    expect(customerErrors).toEqual([]);
    await customer.close();

    // Back in the PM panel: the timeline shows what the customer's clock passed.
    await page.reload();
    await expect(page.getByRole('region', { name: '时间线' })).toContainText('每日结算');
    expect(consoleErrors).toEqual([]);
  });
});

/** A CST time that the next 08:00 settlement bills: today before 08:00 is not billed until tomorrow. */
function settledByNextSettlement(nowIso: string): string {
  const now = Date.parse(nowIso);
  const cst = new Date(now + 8 * 3_600_000);
  const at = cst.getUTCHours() < 8 ? now - (cst.getUTCHours() + 1) * 3_600_000 : now;
  return `${new Date(at + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}
