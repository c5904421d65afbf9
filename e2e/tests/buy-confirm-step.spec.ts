import { expect, test } from '@playwright/test';
import { collectConsoleErrors, DEMO_OWNER, expectNoA11yViolations, readAccount, signIn } from '../fixtures/money.ts';

/** "¥1,234.50" / "−¥1,234.50" → "1234.50" (the UI's money, back to the API's decimal string). */
const plain = (shown: string) => shown.replace(/[¥,\s−-]/g, '');
const cents = (s: string) => BigInt(s.replace('.', ''));
const money = (c: bigint) => `${c / 100n}.${(c % 100n).toString().padStart(2, '0')}`;

test.describe('buy: a confirm step before paying (issue 17, R2.3)', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('R2.3 the confirm step shows what each balance pays after the voucher; going back charges nothing', async ({
    page,
  }) => {
    const consoleErrors = collectConsoleErrors(page);
    await signIn(page, DEMO_OWNER, '/buy');
    await page.getByLabel('计费标签', { exact: true }).selectOption('bankcard.verify');
    const tier = page.getByRole('radio', { name: /^1,000 次/ });
    await tier.locator('xpath=..').click();
    await expect(tier).toBeChecked();
    // Any voucher that can pay for this order (another journey may have used one of them).
    const voucher = page.getByRole('radio', { name: /¥[\d,]+\.\d\d 代金券/, disabled: false }).first();
    await voucher.click();
    await expect(voucher).toBeChecked();
    const total = plain((await page.getByTestId('order-total').textContent()) ?? '');
    const voucherPart = plain((await page.getByTestId('pay-voucher').textContent()) ?? '');
    expect(cents(voucherPart)).toBeGreaterThan(0n);
    const payable = money(cents(total) - cents(voucherPart));

    // The button names what is paid after the voucher, and only opens the confirm step.
    const open = page.getByTestId('confirm-order');
    await expect(open).toContainText(`核对并支付`);
    expect(plain(((await open.textContent()) ?? '').replace('核对并支付', ''))).toBe(payable);
    const before = await readAccount(page);
    await open.click();
    const review = page.getByRole('alertdialog', { name: '确认支付' });
    await expect(review).toBeVisible();
    await expect(review.getByTestId('review-amount')).toBeVisible();
    expect(plain((await review.getByTestId('review-amount').textContent()) ?? '')).toBe(total);
    expect(plain((await review.getByTestId('review-payable').textContent()) ?? '')).toBe(payable);
    const taken: Record<string, string> = {};
    for (const kind of ['voucher', 'gift', 'income', 'cash']) {
      const cell = review.getByTestId(`review-${kind}`).getByRole('cell').first();
      taken[kind] = plain((await cell.textContent()) ?? '');
    }
    expect(taken.voucher).toBe(voucherPart);
    // The parts add up to the price exactly; the balances pay the total after the voucher.
    expect(money(Object.values(taken).reduce((a, v) => a + cents(v), 0n))).toBe(total);
    expect(money(cents(taken.gift ?? '0') + cents(taken.income ?? '0') + cents(taken.cash ?? '0'))).toBe(payable);
    await expect(review.getByTestId('pay-now')).toBeInViewport();
    await expectNoA11yViolations(page);

    // Going back pays nothing.
    await review.getByRole('button', { name: '返回修改' }).click();
    await expect(review).toBeHidden();
    expect((await readAccount(page)).balances).toEqual(before.balances);

    // Paying takes exactly what the confirm step showed.
    await open.click();
    await review.getByTestId('pay-now').click();
    await expect(page.getByRole('heading', { name: '购买成功' })).toBeVisible();
    const orderId = ((await page.getByTestId('order-id').textContent()) ?? '').trim();
    const order = await (await page.request.get(`/api/v1/orders/${encodeURIComponent(orderId)}`)).json();
    expect(order.paid).toMatchObject({
      voucher: taken.voucher,
      gift: taken.gift,
      income: taken.income,
      cash: taken.cash,
    });
    expect(consoleErrors).toEqual([]);
  });
});
