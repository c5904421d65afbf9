import { request as apiRequest, expect, test } from '@playwright/test';
import { DEMO_OWNER, expectNoA11yViolations, readAccount, signIn } from '../fixtures/money.ts';

/**
 * Issue 17 "session expiry on any write": the session ends on the server while the customer is on
 * the buy page; paying sends them to sign in (not to a retry button that fails forever), the header
 * no longer shows their name, and signing in brings them back to the buy page with the order as it was.
 */
const START = '/buy?label=identity.basic&size=1000';
const BUY = '/buy?label=identity.basic&size=1000&quantity=3';

test('session expires on the buy page → sign in → back on the buy page with the form as it was', async ({
  page,
  baseURL,
}) => {
  await signIn(page, DEMO_OWNER, START);
  await expect(page.getByText('Demo Owner').first()).toBeVisible();
  // Half-filled: the customer picked a label and a size, and typed a quantity.
  const quantity = page.getByLabel('数量（个）');
  await quantity.fill('3');
  await expect(page).toHaveURL(BUY);
  const before = await readAccount(page);

  // The session is deleted on the server (signed out elsewhere); this browser still holds its cookie.
  const cookies = await page.context().cookies();
  const sid = cookies.find((c) => c.name === 'sid');
  expect(sid).toBeTruthy();
  const elsewhere = await apiRequest.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: `sid=${sid?.value}`, origin: baseURL ?? '' },
  });
  expect((await elsewhere.post('/api/v1/auth/logout')).status()).toBe(204);
  await elsewhere.dispose();

  // Pay through the confirm step (issue 17): the write answers 401.
  await page.getByTestId('confirm-order').click();
  const review = page.getByRole('alertdialog', { name: '确认支付' });
  await expect(review).toBeVisible();
  await review.getByRole('button', { name: /立即支付/ }).click();
  const signInHeading = page.getByRole('heading', { name: '登录费用控制台' });
  await expect(signInHeading).toBeVisible();
  const url = new URL(page.url());
  expect(url.pathname).toBe('/login');
  expect(url.searchParams.get('next')).toBe(BUY);
  expect(url.searchParams.get('reason')).toBe('expired');
  await expect(page.getByRole('status').filter({ hasText: '登录已过期' })).toBeVisible();
  await expect(page.getByText('Demo Owner')).toHaveCount(0);
  await expect(page.getByTestId('confirm-order')).toHaveCount(0);
  await expectNoA11yViolations(page);

  // Sign in again: back on the buy page, the order as it was, nothing charged in between.
  await page.getByLabel('邮箱').fill(DEMO_OWNER.email);
  await page.getByLabel('密码').fill(DEMO_OWNER.password);
  await page.getByLabel('密码').press('Enter');
  await expect(page).toHaveURL(BUY);
  await expect(quantity).toHaveValue('3');
  await expect(page.getByLabel('计费标签', { exact: true })).toHaveValue('identity.basic');
  await expect(page.getByTestId('confirm-order')).toBeEnabled();
  await expect(page.getByText('Demo Owner').first()).toBeVisible();
  expect((await readAccount(page)).balances).toEqual(before.balances);
  await expectNoA11yViolations(page);
});
