import { expect, test } from '@playwright/test';
import { DEMO_OWNER, expectNoA11yViolations, signIn } from '../fixtures/money.ts';

/**
 * Issue 17 "every message in the reader's language": the server keeps its English `detail` for API
 * users, the Chinese console says the same problem in Chinese from the stable code.
 */
test('a server error reaches the Chinese UI in Chinese (invalid cursor on the pack list), English only for the API', async ({
  page,
}) => {
  await signIn(page, DEMO_OWNER);

  // The API answers in English with a stable code, as api.md says.
  const api = await page.request.get('/api/v1/packs?cursor=not-a-cursor');
  expect(api.status()).toBe(400);
  const problem = (await api.json()) as { code: string; detail: string };
  expect(problem.code).toBe('INVALID_REQUEST');
  expect(problem.detail).toMatch(/[A-Za-z]/);

  await page.goto('/packs?cursor=not-a-cursor');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('提交的内容不正确，请检查后重试。');
  await expect(alert).toContainText('分页位置：格式不正确');
  await expect(page.locator('main')).not.toContainText(problem.detail);
  await expect(page.locator('main')).not.toContainText('cursor');
  await expectNoA11yViolations(page);

  // Switched to English, the same problem is said in English (the console's words, same code).
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('alert')).toContainText('Some of the input is not valid. Check it and try again.');
  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page.getByRole('alert')).toContainText('提交的内容不正确');
});
