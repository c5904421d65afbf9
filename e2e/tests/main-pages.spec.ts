import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { en } from '../../apps/console/src/i18n/en.ts';
import { zhCN } from '../../apps/console/src/i18n/zh-CN.ts';
import { DEMO_OWNER, signIn } from '../fixtures/money.ts';

/**
 * Issue 10: every main page in both languages renders no raw message key and has no axe violations;
 * the Chinese pages are saved as the README's screenshots (docs/screenshots).
 */
const KEYS = Object.keys(zhCN);
const PAGES = [
  ['packs', '/packs'],
  ['buy', '/buy?label=identity.basic&size=1000&quantity=1'],
  ['bills', '/bills'],
  ['bill-items', '/bills/items'],
  ['account', '/account'],
  ['notifications', '/notifications'],
  ['pricing', '/pricing'],
  ['certificates', '/certificates'],
  ['access-log', '/audit'],
  ['planner', '/planner?label=enhanced.authority.wechat&calls=300000'],
] as const;

async function expectNoRawKeys(page: Page) {
  const text = (await page.locator('body').textContent()) ?? '';
  const raw = KEYS.filter((k) => new RegExp(`(^|[^\\w.])${k.replace(/\./g, '\\.')}($|[^\\w.])`).test(text));
  expect(raw, `raw message keys on ${page.url()}`).toEqual([]);
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
}

test('every message key has a text in both languages', () => {
  expect(Object.keys(en).sort()).toEqual([...KEYS].sort());
  for (const k of KEYS) {
    expect(zhCN[k as keyof typeof zhCN].trim(), k).not.toBe('');
    expect(en[k as keyof typeof en].trim(), k).not.toBe('');
  }
});

test('main pages: no raw keys in zh-CN and en, no axe violations, screenshots for the README', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, DEMO_OWNER);
  // The advice pages of one active pack (issue 9): its burn-down forecast and its deductions.
  const list = await page.request.get('/api/v1/packs?status=active&limit=1');
  expect(list.status()).toBe(200);
  const packId = ((await list.json()) as { items: { id: string }[] }).items[0]?.id;
  expect(packId).toBeTruthy();
  const pages: (readonly [string, string])[] = [
    ...PAGES,
    ['forecast', `/planner/forecast/${packId}`],
    ['explain', `/explain?packId=${packId}`],
  ];
  for (const [name, path] of pages) {
    await page.goto(path);
    await settle(page);
    await expectNoRawKeys(page);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
      [],
    );
    await page.screenshot({ path: `../docs/screenshots/${name}.png` });
  }
  // Issue 17's new views: the confirm step before paying, and the pages as cards on a phone.
  await page.goto(PAGES[1][1]);
  await settle(page);
  await page.getByTestId('confirm-order').click();
  await expect(page.getByRole('alertdialog', { name: '确认支付' })).toBeVisible();
  await page.screenshot({ path: '../docs/screenshots/buy-confirm.png' });
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [name, path] of [
    ['packs-phone', '/packs'],
    ['bill-items-phone', '/bills/items'],
  ] as const) {
    await page.goto(path);
    await settle(page);
    // Phones never scroll the page sideways (issue 17).
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await page.screenshot({ path: `../docs/screenshots/${name}.png` });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.evaluate(() => localStorage.setItem('idv.locale', 'en'));
  for (const [, path] of pages) {
    await page.goto(path);
    await settle(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectNoRawKeys(page);
  }
  await page.evaluate(() => localStorage.setItem('idv.locale', 'zh-CN'));
});
