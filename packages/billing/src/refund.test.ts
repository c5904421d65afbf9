import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMoney, ZERO } from './money.ts';
import { amount, packRefundShare, type RefundPackInput, refundEligibility } from './refund.ts';

const cst = (s: string): Date => new Date(`${s}+08:00`);
const m = parseMoney;

const pack = (p: Partial<RefundPackInput> = {}): RefundPackInput => ({
  source: 'purchase',
  status: 'active',
  used: 0,
  acquiredAt: cst('2020-10-01T16:00:00'),
  refundExcluded: false,
  refusedReason: null,
  ...p,
});
const check = (p: Partial<RefundPackInput>, now: string, accountViolation = false) =>
  refundEligibility({ pack: pack(p), accountViolation, now: cst(now) });

describe('refund eligibility (R8.1, R8.2, R8.5)', () => {
  it('R8.1 delivered 2020-10-01: refundable through 2020-10-08 23:59:59', () => {
    expect(check({}, '2020-10-08T23:59:59.999')).toEqual({ eligible: true, deadline: cst('2020-10-08T23:59:59.999') });
    expect(check({}, '2020-10-01T16:00:01').eligible).toBe(true);
  });

  it('R8.1 refund is refused on day 8 (from 2020-10-09 00:00)', () => {
    expect(check({}, '2020-10-09T00:00:00')).toEqual({
      eligible: false,
      reason: 'REFUND_WINDOW_CLOSED',
      deadline: cst('2020-10-08T23:59:59.999'),
    });
  });

  it('R8.2 a pack with any call used is not refundable', () => {
    expect(check({ used: 1 }, '2020-10-02T00:00:00')).toMatchObject({ eligible: false, reason: 'PACK_PARTIALLY_USED' });
    expect(check({ used: 10, status: 'exhausted' }, '2020-10-02T00:00:00')).toMatchObject({
      reason: 'PACK_PARTIALLY_USED',
    });
  });

  it('R8.2 gift packs are never refundable and have no deadline', () => {
    expect(check({ source: 'gift' }, '2020-10-02T00:00:00')).toEqual({
      eligible: false,
      reason: 'NOT_REFUNDABLE_GIFT',
      deadline: null,
    });
  });

  it('R8.2 campaign exclusion and account violation block refunds', () => {
    expect(check({ refundExcluded: true }, '2020-10-02T00:00:00')).toMatchObject({ reason: 'CAMPAIGN_EXCLUDED' });
    expect(check({}, '2020-10-02T00:00:00', true)).toMatchObject({ reason: 'ACCOUNT_VIOLATION' });
  });

  it('R8.5 a pack is refunded at most once; a staff refusal blocks with its reason', () => {
    expect(check({ status: 'refunded' }, '2020-10-02T00:00:00')).toMatchObject({ reason: 'ALREADY_REFUNDED' });
    expect(check({ refusedReason: 'suspected abuse' }, '2020-10-02T00:00:00')).toMatchObject({
      reason: 'REFUND_REFUSED',
    });
  });

  it('R8.2 precedence: refunded > gift > violation > campaign > used > window > refused', () => {
    const all: Partial<RefundPackInput> = {
      status: 'refunded',
      source: 'gift',
      refundExcluded: true,
      used: 3,
      refusedReason: 'x',
    };
    const late = '2021-01-01T00:00:00';
    expect(check(all, late, true)).toMatchObject({ reason: 'ALREADY_REFUNDED' });
    expect(check({ ...all, status: 'active' }, late, true)).toMatchObject({ reason: 'NOT_REFUNDABLE_GIFT' });
    expect(check({ ...all, status: 'active', source: 'purchase' }, late, true)).toMatchObject({
      reason: 'ACCOUNT_VIOLATION',
    });
    expect(check({ ...all, status: 'active', source: 'purchase' }, late)).toMatchObject({
      reason: 'CAMPAIGN_EXCLUDED',
    });
    expect(check({ used: 3, refusedReason: 'x' }, late)).toMatchObject({ reason: 'PACK_PARTIALLY_USED' });
    expect(check({ refusedReason: 'x' }, late)).toMatchObject({ reason: 'REFUND_WINDOW_CLOSED' });
  });
});

describe('refund amounts (R8.3)', () => {
  it('R8.3 returns what each balance paid, split per pack; the voucher is not returned', () => {
    // 3 packs × 1150.00 = 3450.00 paid: voucher 100.00 (kept), gift 100.00, income 0.01, cash 3249.99
    const paid = { gift: m('100'), income: m('0.01'), cash: m('3249.99') };
    const shares = [0, 1, 2].map((i) => packRefundShare(paid, 3, i));
    expect(shares[0]).toEqual({ gift: m('33.34'), income: m('0.01'), cash: m('1083.33') });
    expect(shares[1]).toEqual({ gift: m('33.33'), income: ZERO, cash: m('1083.33') });
    expect(shares[2]).toEqual({ gift: m('33.33'), income: ZERO, cash: m('1083.33') });
    expect(shares.map(amount).reduce((a, b) => a + b, 0n)).toBe(m('3350'));
  });

  it('R8.3 a single-pack order refunds exactly what it paid', () => {
    const paid = { gift: m('1.5'), income: m('2'), cash: m('1146.5') };
    expect(packRefundShare(paid, 1, 0)).toEqual(paid);
    expect(amount(paid)).toBe(m('1150'));
  });

  it('R8.3 rejects a bad quantity or pack index', () => {
    const paid = { gift: ZERO, income: ZERO, cash: m('1') };
    expect(() => packRefundShare(paid, 0, 0)).toThrow();
    expect(() => packRefundShare(paid, 2, 2)).toThrow();
    expect(() => packRefundShare(paid, 2, -1)).toThrow();
  });

  it('R8.3 property: the per-pack parts add up exactly to what was paid from each balance', () => {
    const cents = fc.bigInt({ min: 0n, max: 10n ** 10n }).map((c) => c * 100n);
    fc.assert(
      fc.property(cents, cents, cents, fc.integer({ min: 1, max: 25 }), (gift, income, cash, q) => {
        const shares = Array.from({ length: q }, (_, i) => packRefundShare({ gift, income, cash }, q, i));
        const sum = (k: 'gift' | 'income' | 'cash'): bigint => shares.reduce((a, s) => a + s[k], 0n);
        expect(sum('gift')).toBe(gift);
        expect(sum('income')).toBe(income);
        expect(sum('cash')).toBe(cash);
        for (const s of shares) {
          // no pack is more than one cent off its equal share
          expect(s.cash * BigInt(q) - cash).toBeLessThan(100n * BigInt(q));
          expect(cash - s.cash * BigInt(q)).toBeLessThan(100n * BigInt(q));
        }
      }),
    );
  });
});
