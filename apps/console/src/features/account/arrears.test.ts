import { describe, expect, it } from 'vitest';
import { countdown, debtToClear, stillMissing } from './arrears.ts';

describe('R6.3 debt to clear', () => {
  it('is −available when negative', () => {
    expect(debtToClear('-42.00')).toBe('42.00');
    expect(debtToClear('-0.01')).toBe('0.01');
    expect(debtToClear('-1234567890123.45')).toBe('1234567890123.45');
  });
  it('rounds a sub-cent debt up so the recharge really clears it', () => {
    expect(debtToClear('-3.5001')).toBe('3.51');
    expect(debtToClear('-0.0035')).toBe('0.01');
  });
  it('is null when nothing is owed', () => {
    expect(debtToClear('0.00')).toBeNull();
    expect(debtToClear('12.00')).toBeNull();
    expect(debtToClear('-0.00')).toBeNull();
  });
});

describe('countdown', () => {
  const deadline = '2026-11-24T08:00:00+08:00';
  const at = (iso: string) => Date.parse(iso);
  it('splits the time left', () => {
    expect(countdown(deadline, at('2026-11-23T06:58:57+08:00'))).toMatchObject({
      passed: false,
      days: 1,
      hours: 1,
      minutes: 1,
      seconds: 3,
    });
  });
  it('is independent of the offset the instant is written in', () => {
    expect(countdown(deadline, at('2026-11-23T23:59:00Z'))).toMatchObject({ days: 0, hours: 0, minutes: 1 });
  });
  it('stops at zero once passed', () => {
    expect(countdown(deadline, at('2026-11-24T08:00:00+08:00'))).toMatchObject({ passed: true, totalMs: 0 });
    expect(countdown(deadline, at('2026-11-25T08:00:00+08:00'))).toMatchObject({ passed: true, seconds: 0 });
  });
  it('returns null for an unreadable time', () => {
    expect(countdown('soon', 0)).toBeNull();
  });
});

describe('R6.3 what a recharge still leaves missing (issue 17)', () => {
  it('is the rest of the debt when the recharge is smaller', () => {
    expect(stillMissing('37.00', '20.00')).toBe('17.00');
    expect(stillMissing('37.00', '36.99')).toBe('0.01');
    expect(stillMissing('1234567890123.45', '0.45')).toBe('1234567890123.00');
  });
  it('is null when the recharge clears the debt, or is not an amount yet', () => {
    expect(stillMissing('37.00', '37.00')).toBeNull();
    expect(stillMissing('37.00', '100')).toBeNull();
    expect(stillMissing('37.00', '')).toBeNull();
    expect(stillMissing('37.00', 'abc')).toBeNull();
  });
});
