import { describe, expect, it } from 'vitest';
import { expectCases } from '../../../test/expect-cases.ts';
import { validateRechargeAmount } from './recharge-dialog.tsx';

describe('recharge amount', () => {
  it('accepts positive amounts with at most 2 decimals', () => {
    for (const ok of ['1', '0.01', '100.5', '99999999.99', ' 20.00 ']) expect(validateRechargeAmount(ok)).toBeNull();
  });
  it('refuses empty, zero, negative, 3 decimals and exponents', () => {
    expectCases(validateRechargeAmount, [
      ['', 'required'],
      ['0', 'positive'],
      ['0.00', 'positive'],
      ['-5', 'format'],
      ['1.005', 'format'],
      ['1e3', 'format'],
      ['123456789', 'format'],
    ]);
  });
});
