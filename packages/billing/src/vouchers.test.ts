import { describe, expect, it } from 'vitest';
import { parseMoney } from './money.ts';
import { quoteOrder } from './settlement.ts';
import { voucherVerdict } from './vouchers.ts';

const now = new Date('2026-11-20T02:00:00Z');
const later = new Date('2026-12-01T00:00:00Z');

describe('R2.2 voucher verdict', () => {
  it('usable while unused, unexpired and for the product', () => {
    expect(voucherVerdict({ used: false, expiresAt: later, productGroups: null }, 'face', now)).toBe('usable');
    expect(voucherVerdict({ used: false, expiresAt: later, productGroups: ['face'] }, 'face', now)).toBe('usable');
  });
  it('used, then expired (at the instant itself), then out of scope', () => {
    expect(voucherVerdict({ used: true, expiresAt: now, productGroups: [] }, 'face', now)).toBe('used');
    expect(voucherVerdict({ used: false, expiresAt: now, productGroups: [] }, 'face', now)).toBe('expired');
    expect(voucherVerdict({ used: false, expiresAt: later, productGroups: ['ocr'] }, 'face', now)).toBe('scope');
    expect(voucherVerdict({ used: false, expiresAt: later, productGroups: [] }, 'face', now)).toBe('scope');
  });
  it('without a product, only use and expiry count', () => {
    expect(voucherVerdict({ used: false, expiresAt: later, productGroups: ['ocr'] }, undefined, now)).toBe('usable');
  });
});

describe('R2.3 order quote', () => {
  const b = { gift: parseMoney('50'), income: parseMoney('30'), cash: parseMoney('-20') };
  it('voucher first, then gift, income, cash; a negative balance gives nothing; the rest is the shortfall', () => {
    const q = quoteOrder(parseMoney('100'), b, parseMoney('10'));
    expect(q).toEqual({
      voucher: parseMoney('10'),
      gift: parseMoney('50'),
      income: parseMoney('30'),
      cash: 0n,
      shortfall: parseMoney('10'),
    });
  });
  it('a covered order has no shortfall and the parts add up to the amount', () => {
    const q = quoteOrder(parseMoney('60'), b, null);
    expect(q.shortfall).toBe(0n);
    expect(q.voucher + q.gift + q.income + q.cash).toBe(parseMoney('60'));
  });
});
