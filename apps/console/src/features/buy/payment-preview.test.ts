import { formatAmount, parseMoney } from '@idv/billing';
import { describe, expect, it } from 'vitest';
import { multiplyMoney, previewPayment } from './payment-preview.ts';

// Parsing and formatting are billing's money module (packages/billing/src/money.test.ts).
describe('decimal strings, exactly', () => {
  it('refuses garbage and sub-cent amounts', () => {
    expect(() => multiplyMoney('1e3', 1)).toThrow();
    expect(() => multiplyMoney('0.0035', 1)).toThrow();
    expect(() => multiplyMoney('', 1)).toThrow();
  });
  it('0.1 + 0.2 style sums are exact', () => {
    expect(multiplyMoney('0.10', 3)).toBe('0.30');
    expect(multiplyMoney('11000.00', 100)).toBe('1100000.00');
    // beyond 2^53 cents
    expect(multiplyMoney('99999999999.99', 100)).toBe('9999999999999.00');
  });
});

describe('R2.3 payment preview', () => {
  const balances = { gift: '50.00', income: '30.00', cash: '1000.00' };

  it('takes voucher, then gift, then income, then cash', () => {
    const p = previewPayment({ tierPrice: '580.00', quantity: 1, balances, voucherFaceValue: '200.00' });
    expect(p).toMatchObject({
      amount: '580.00',
      voucher: '200.00',
      gift: '50.00',
      income: '30.00',
      cash: '300.00',
      shortfall: '0.00',
      covered: true,
      voucherUnused: '0.00',
    });
  });

  it('without a voucher starts at gift', () => {
    const p = previewPayment({ tierPrice: '40.00', quantity: 2, balances });
    expect(p).toMatchObject({ amount: '80.00', voucher: '0.00', gift: '50.00', income: '30.00', cash: '0.00' });
  });

  it('a voucher larger than the order covers it all and gives no change (R2.2)', () => {
    const p = previewPayment({ tierPrice: '150.00', quantity: 1, balances, voucherFaceValue: '200.00' });
    expect(p).toMatchObject({ voucher: '150.00', gift: '0.00', income: '0.00', cash: '0.00', voucherUnused: '50.00' });
  });

  it('multiplies by quantity exactly', () => {
    const p = previewPayment({
      tierPrice: '11000.00',
      quantity: 3,
      balances: { gift: '0', income: '0', cash: '33000.00' },
    });
    expect(p).toMatchObject({ amount: '33000.00', cash: '33000.00', covered: true });
  });

  it('reports the shortfall when balances do not cover it', () => {
    const p = previewPayment({ tierPrice: '11000.00', quantity: 1, balances, voucherFaceValue: '100.00' });
    expect(p.covered).toBe(false);
    expect(p.shortfall).toBe('9820.00');
    expect(p).toMatchObject({ voucher: '100.00', gift: '50.00', income: '30.00', cash: '1000.00' });
  });

  it('a negative balance (arrears) contributes nothing', () => {
    const p = previewPayment({
      tierPrice: '10.00',
      quantity: 1,
      balances: { gift: '5.00', income: '0.00', cash: '-20.00' },
    });
    expect(p).toMatchObject({ gift: '5.00', cash: '0.00', shortfall: '5.00', covered: false });
  });

  it('the parts always add up to the amount', () => {
    for (const [price, q, face] of [
      ['0.01', 1, null],
      ['99.99', 7, '33.33'],
      ['1234.56', 3, '5000.00'],
    ] as const) {
      const p = previewPayment({ tierPrice: price, quantity: q, balances, voucherFaceValue: face });
      const sum = [p.voucher, p.gift, p.income, p.cash, p.shortfall].reduce((a, s) => a + parseMoney(s), 0n);
      expect(formatAmount(sum)).toBe(p.amount);
    }
  });

  it('refuses a non-integer or zero quantity', () => {
    expect(() => previewPayment({ tierPrice: '1.00', quantity: 0, balances })).toThrow();
    expect(() => previewPayment({ tierPrice: '1.00', quantity: 1.5, balances })).toThrow();
  });
});
