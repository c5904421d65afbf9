import { describe, expect, it } from 'vitest';
import { formatCount, formatMoney, groupDigits, percentValue } from './format.ts';

describe('money display (decimal strings, R1.2)', () => {
  it('groups thousands on the string without touching the digits', () => {
    expect(formatMoney('11000.00')).toBe('¥11,000.00');
    expect(formatMoney('12345678901234.99')).toBe('¥12,345,678,901,234.99');
    expect(groupDigits('1000000')).toBe('1,000,000');
  });

  it('keeps four-decimal prices exactly and pads to two decimals', () => {
    expect(formatMoney('0.0035')).toBe('¥0.0035');
    expect(formatMoney('5')).toBe('¥5.00');
    expect(formatMoney('1.5')).toBe('¥1.50');
    expect(formatMoney('-300.00')).toBe('-¥300.00');
  });

  it('refuses what is not a decimal string', () => {
    expect(formatMoney('1e3')).toBe('—');
    expect(formatMoney(null)).toBe('—');
  });
});

describe('counts and percents', () => {
  it('formats counts with separators', () => {
    expect(formatCount(10000)).toBe('10,000');
    expect(formatCount(0)).toBe('0');
  });
  it('clamps percents for bars', () => {
    expect(percentValue('64.20')).toBe(64.2);
    expect(percentValue('120')).toBe(100);
    expect(percentValue('x')).toBe(0);
  });
});
