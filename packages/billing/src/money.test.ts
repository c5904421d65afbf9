import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import {
  allocate,
  CENT,
  formatAmount,
  formatMoney4,
  formatPrice,
  maxMoney,
  minMoney,
  mulCount,
  parseMoney,
  roundHalfUpToCent,
  sumMoney,
  ZERO,
} from './money.ts';

const code = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'OTHER';
  }
  return 'NONE';
};

describe('money', () => {
  it('R1.2 parses decimal strings into 1/10000 CNY units', () => {
    expect(parseMoney('0.0035')).toBe(35n);
    expect(parseMoney('1.2')).toBe(12_000n);
    expect(parseMoney('11000')).toBe(110_000_000n);
    expect(parseMoney('-3.50')).toBe(-35_000n);
    expect(parseMoney('-0')).toBe(0n);
    expect(parseMoney('0007.1')).toBe(71_000n);
  });

  it('R1.2 rejects malformed amounts and more than 4 decimals', () => {
    for (const s of ['', '1.', '.5', '1.23456', '1e3', ' 1', '+1', '1,000', 'NaN', '--1', '1.2.3']) {
      expect(
        code(() => parseMoney(s)),
        s,
      ).toBe('INVALID_MONEY');
    }
  });

  it('R1.2 formats amounts with 2 decimals and refuses sub-cent amounts', () => {
    expect(formatAmount(parseMoney('11000'))).toBe('11000.00');
    expect(formatAmount(parseMoney('-3.5'))).toBe('-3.50');
    expect(formatAmount(ZERO)).toBe('0.00');
    expect(formatAmount(parseMoney('-0.01'))).toBe('-0.01');
    expect(code(() => formatAmount(parseMoney('0.0035')))).toBe('NOT_CENT_EXACT');
  });

  it('R1.3 formats prices with 2 to 4 decimals', () => {
    expect(formatPrice(parseMoney('1.2'))).toBe('1.20');
    expect(formatPrice(parseMoney('0.0035'))).toBe('0.0035');
    expect(formatPrice(parseMoney('0.15'))).toBe('0.15');
    expect(formatPrice(parseMoney('0.115'))).toBe('0.115');
    expect(formatPrice(parseMoney('1300000'))).toBe('1300000.00');
    expect(formatPrice(parseMoney('-0.0035'))).toBe('-0.0035');
  });

  it('R1.2 formats 4 decimals for NUMERIC(20,4)', () => {
    expect(formatMoney4(parseMoney('0.0035'))).toBe('0.0035');
    expect(formatMoney4(parseMoney('-12'))).toBe('-12.0000');
  });

  it('R5.1 rounds half-up to the cent, away from zero for negatives', () => {
    expect(roundHalfUpToCent(parseMoney('0.005'))).toBe(parseMoney('0.01'));
    expect(roundHalfUpToCent(parseMoney('0.0049'))).toBe(0n);
    expect(roundHalfUpToCent(parseMoney('3.5'))).toBe(parseMoney('3.5'));
    expect(roundHalfUpToCent(parseMoney('-0.005'))).toBe(parseMoney('-0.01'));
    expect(roundHalfUpToCent(parseMoney('-0.0049'))).toBe(0n);
    expect(roundHalfUpToCent(parseMoney('1.2345'))).toBe(parseMoney('1.23'));
  });

  it('R5.4 multiplies a price by a count exactly', () => {
    expect(mulCount(parseMoney('0.0035'), 1000)).toBe(parseMoney('3.5'));
    expect(mulCount(parseMoney('0.4'), 30_000n)).toBe(parseMoney('12000'));
    expect(code(() => mulCount(CENT, 1.5))).toBe('INVALID_COUNT');
    expect(code(() => mulCount(CENT, -1))).toBe('INVALID_COUNT');
  });

  it('sum, min and max', () => {
    expect(sumMoney([])).toBe(0n);
    expect(sumMoney([1n, 2n, -3n])).toBe(0n);
    expect(minMoney(5n, -2n, 3n)).toBe(-2n);
    expect(maxMoney(5n, -2n, 30n)).toBe(30n);
  });

  it('R8.3 allocate: largest remainder, ties to the earliest index', () => {
    expect(allocate(parseMoney('0.10'), [1n, 1n, 1n])).toEqual([400n, 300n, 300n]);
    expect(allocate(parseMoney('100'), [1n, 1n, 1n])).toEqual([333_400n, 333_300n, 333_300n]);
    expect(allocate(parseMoney('-0.10'), [1n, 1n, 1n])).toEqual([-400n, -300n, -300n]);
    expect(allocate(parseMoney('1'), [1n, 3n])).toEqual([2500n, 7500n]);
    expect(allocate(parseMoney('0.05'), [2n, 1n, 2n])).toEqual([200n, 100n, 200n]);
  });

  it('R8.3 allocate handles zero totals and zero weights', () => {
    expect(allocate(0n, [1n, 2n])).toEqual([0n, 0n]);
    expect(allocate(parseMoney('0.03'), [0n, 0n, 0n])).toEqual([100n, 100n, 100n]);
    expect(allocate(parseMoney('0.03'), [0n, 5n])).toEqual([0n, 300n]);
    expect(code(() => allocate(35n, [1n]))).toBe('NOT_CENT_EXACT');
    expect(code(() => allocate(100n, []))).toBe('INVALID_ALLOCATION');
    expect(code(() => allocate(100n, [-1n, 2n]))).toBe('INVALID_ALLOCATION');
  });

  it('R8.3 property: allocate sums exactly and each part is within one cent of its exact share', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 6n }), { minLength: 1, maxLength: 12 }),
        (cents, weights) => {
          const total = cents * CENT;
          const parts = allocate(total, weights);
          expect(parts).toHaveLength(weights.length);
          expect(sumMoney(parts)).toBe(total);
          const ws = weights.every((w) => w === 0n) ? weights.map(() => 1n) : weights;
          const wSum = ws.reduce((a, b) => a + b, 0n);
          parts.forEach((p, i) => {
            expect(p % CENT).toBe(0n);
            // |p − total·w/W| < 1 cent  ⇔  |p·W − total·w| < CENT·W
            const diff = p * wSum - total * (ws[i] ?? 0n);
            expect(diff < 0n ? -diff : diff).toBeLessThan(CENT * wSum);
          });
        },
      ),
    );
  });

  it('R1.2 property: parse/format round-trip', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }), (m) => {
        expect(parseMoney(formatMoney4(m))).toBe(m);
        expect(parseMoney(formatPrice(m))).toBe(m);
        const cents = m * CENT;
        expect(parseMoney(formatAmount(cents))).toBe(cents);
      }),
    );
  });
});
