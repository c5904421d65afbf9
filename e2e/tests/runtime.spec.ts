import { expect, test } from '@playwright/test';

/**
 * Issue 19: the compiled server (apps/bff/dist/server.js, see playwright.config.ts) serves the built
 * console; the console's scripts carry no public source map; API answers carry a request id.
 */
test('the compiled server serves the console: sign in, packs page, no source maps, request ids', async ({
  page,
  request,
}) => {
  const scripts: string[] = [];
  page.on('response', (r) => {
    if (/\/assets\/.*\.js$/.test(new URL(r.url()).pathname)) scripts.push(r.url());
  });
  await page.goto('/packs');
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('邮箱').fill('demo@example.com');
  await page.getByLabel('密码').fill('demo-pass-2026');
  await page.getByLabel('密码').press('Enter');
  await expect(page).toHaveURL(/\/packs/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  expect(scripts.length).toBeGreaterThan(0);
  for (const url of scripts) {
    const js = await request.get(url);
    expect(js.status()).toBe(200);
    expect(await js.text()).not.toContain('sourceMappingURL');
    expect((await request.get(`${url}.map`)).status()).toBe(404);
  }
  const me = await page.request.get('/api/v1/me');
  expect(me.status()).toBe(200);
  expect(me.headers()['cache-control']).toBe('no-store');
  expect(me.headers()['x-request-id']).toMatch(/^req_/);
});
