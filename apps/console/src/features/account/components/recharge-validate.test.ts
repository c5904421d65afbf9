import { describe, expect, it } from 'vitest';
import { validateRechargeAmount } from './recharge-dialog.tsx';

describe('recharge amount', () => {
  it('accepts positive amounts with at most 2 decimals', () => {
    for (const ok of ['1', '0.01', '100.5', '99999999.99', ' 20.00 ']) expect(validateRechargeAmount(ok)).toBeNull();
  });
  it('refuses empty, zero, negative, 3 decimals and exponents', () => {
    expect(validateRechargeAmount('')).toBe('required');
    expect(validateRechargeAmount('0')).toBe('positive');
    expect(validateRechargeAmount('0.00')).toBe('positive');
    expect(validateRechargeAmount('-5')).toBe('format');
    expect(validateRechargeAmount('1.005')).toBe('format');
    expect(validateRechargeAmount('1e3')).toBe('format');
    expect(validateRechargeAmount('123456789')).toBe('format');
  });
});
