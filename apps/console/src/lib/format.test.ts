import { describe, expect, it } from 'vitest';
import { expectCases } from '../test/expect-cases.ts';
import { formatCount, formatMoney, groupDigits, percentValue } from './format.ts';

describe('money display (decimal strings, R1.2)', () => {
  it('groups thousands on the string without touching the digits', () => {
    expectCases(formatMoney, [
      ['11000.00', '¥11,000.00'],
      ['12345678901234.99', '¥12,345,678,901,234.99'],
    ]);
    expect(groupDigits('1000000')).toBe('1,000,000');
  });

  it('keeps four-decimal prices exactly and pads to two decimals', () => {
    expectCases(formatMoney, [
      ['0.0035', '¥0.0035'],
      ['5', '¥5.00'],
      ['1.5', '¥1.50'],
      ['-300.00', '-¥300.00'],
    ]);
  });

  it('refuses what is not a decimal string', () => {
    expectCases(formatMoney, [
      ['1e3', '—'],
      [null, '—'],
    ]);
  });
});

describe('counts and percents', () => {
  it('formats counts with separators', () => {
    expectCases(formatCount, [
      [10000, '10,000'],
      [0, '0'],
    ]);
  });
  it('clamps percents for bars', () => {
    expectCases(percentValue, [
      ['64.20', 64.2],
      ['120', 100],
      ['x', 0],
    ]);
  });
});
