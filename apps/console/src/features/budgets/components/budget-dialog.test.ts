import { describe, expect, it } from 'vitest';
import { validateBudget } from './budget-dialog.tsx';

describe('R10.1 budget form checks (the API rules, before sending)', () => {
  it('accepts a name, an amount above 0 and distinct thresholds 1–1000 (comma, Chinese comma or spaces)', () => {
    const v = validateBudget({ name: 'All', amount: '300.50', thresholds: '50，80, 100' });
    expect(v.errors).toEqual({});
    expect(v.thresholds).toEqual([50, 80, 100]);
  });

  it('refuses an empty name, 0 or a non-decimal amount, and repeated or out-of-range thresholds', () => {
    expect(validateBudget({ name: ' ', amount: '0', thresholds: '50, 50' }).errors).toEqual({
      name: true,
      amount: true,
      thresholds: true,
    });
    expect(validateBudget({ name: 'x', amount: '1.234', thresholds: '0' }).errors).toEqual({
      amount: true,
      thresholds: true,
    });
    expect(validateBudget({ name: 'x', amount: '10', thresholds: '' }).errors).toEqual({ thresholds: true });
  });
});
