import { randomUUID } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { DEMO_OWNER, expectNoA11yViolations, signIn } from '../fixtures/money.ts';

/**
 * Issue 17: a Chinese page never shows an English sentence. The visible text (screen-reader text
 * included) of the main pages and of their error states is scanned for runs of three or more ASCII
 * words; product and company names, codes, emails and numbers are allowed.
 */
const PAGES = [
  '/packs',
  '/buy?label=identity.basic&size=1000&quantity=1',
  '/bills',
  '/bills/items',
  '/account',
  '/notifications',
  '/notifications/settings',
  '/pricing',
  '/certificates',
  '/audit',
  '/planner?label=enhanced.authority.wechat&calls=300000',
];
/** Error states: a server 400 (bad cursor), a missing pack, an unknown page. */
const ERROR_STATES = ['/packs?cursor=not-a-cursor', '/packs/999999999', '/no-such-page'];

/** Names that are English by design: the demo company and people, and the language switch. */
const ALLOWED = [/Demo Tech Co\.?/g, /Other Corp\.?/g, /Demo (Owner|Viewer)/g];
const STRIP = [
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g, // emails
  /https?:\/\/\S+/g,
  /\b[a-z]+(\.[a-z0-9_]+)+\b/g, // label codes: identity.basic
  /\b[A-Z0-9]+(_[A-Z0-9]+)+\b/g, // error codes: INVALID_REQUEST
];
// Words in one run are separated by spaces only: table cells (tabs) and lines are separate texts.
const SENTENCE = /[A-Za-z][A-Za-z'’-]*(?: +[A-Za-z][A-Za-z'’-]*){2,}/g;

export function englishRuns(text: string): string[] {
  let rest = text;
  for (const re of [...ALLOWED, ...STRIP]) rest = rest.replace(re, ' ');
  return [...rest.matchAll(SENTENCE)].map((m) => m[0]);
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
}

async function expectNoEnglish(page: Page) {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point (hidden nodes out, cells apart).
  const text = await page.locator('body').innerText();
  expect.soft(englishRuns(text), `English on ${page.url()}`).toEqual([]);
}

test('the scanner finds English sentences and lets names and codes pass', () => {
  expect(englishRuns('登录失败：Sign in first.')).toEqual(['Sign in first']);
  expect(englishRuns('示例科技有限公司 Demo Tech Co. · demo@example.com · identity.basic · INVALID_REQUEST')).toEqual(
    [],
  );
});

test('Chinese pages and their error states show no English sentence', async ({ page }) => {
  test.setTimeout(300_000);
  // A purchase and its refund, so the notification centre holds notices with money and pack labels.
  await signIn(page, DEMO_OWNER);
  const order = await page.request.post('/api/v1/orders', {
    data: { label: 'identity.basic', size: 1000, quantity: 1 },
    headers: { 'Idempotency-Key': randomUUID() },
  });
  expect(order.status()).toBe(201);
  const packId = ((await order.json()) as { packs: { id: string }[] }).packs[0]?.id;
  const refund = await page.request.post('/api/v1/refunds', {
    data: { packId },
    headers: { 'Idempotency-Key': randomUUID() },
  });
  expect(refund.status()).toBe(201);

  for (const path of PAGES) {
    await page.goto(path);
    await settle(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expectNoEnglish(page);
  }
  for (const path of ERROR_STATES) {
    await page.goto(path);
    await settle(page);
    await expectNoEnglish(page);
    await expectNoA11yViolations(page);
  }
  // The refund notice names the pack by its label and formats money like the UI.
  await page.goto('/notifications');
  const notice = page.getByTestId('notification').filter({ hasText: '退款已完成' }).first();
  await expect(notice).toContainText(/「.+」资源包已退款 ¥\d{1,3}(,\d{3})*\.\d{2}/);
  await expect(notice).not.toContainText(new RegExp(`ID\\s*${packId}\\b|#${packId}\\b`));

  // Signed out: the sign-in page, a failed sign-in, and the expired-session notice.
  await page.context().clearCookies();
  await page.goto('/login?reason=expired&next=%2Fpacks');
  await settle(page);
  await expectNoEnglish(page);
  await page.getByLabel('邮箱').fill(DEMO_OWNER.email);
  await page.getByLabel('密码').fill('wrong-password-0');
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoEnglish(page);
  await expectNoA11yViolations(page);
});
