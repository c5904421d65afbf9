import { describe, expect, it } from 'vitest';
import { expectCases } from '../../test/expect-cases.ts';
import { countdown, debtToClear, stillMissing } from './arrears.ts';

describe('R6.3 debt to clear', () => {
  it('is −available when negative', () => {
    expectCases(debtToClear, [
      ['-42.00', '42.00'],
      ['-0.01', '0.01'],
      ['-1234567890123.45', '1234567890123.45'],
    ]);
  });
  it('rounds a sub-cent debt up so the recharge really clears it', () => {
    expectCases(debtToClear, [
      ['-3.5001', '3.51'],
      ['-0.0035', '0.01'],
    ]);
  });
  it('is null when nothing is owed', () => {
    expectCases(debtToClear, [
      ['0.00', null],
      ['12.00', null],
      ['-0.00', null],
    ]);
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
    expectCases(
      ([debt, paid]: [string, string]) => stillMissing(debt, paid),
      [
        [['37.00', '20.00'], '17.00'],
        [['37.00', '36.99'], '0.01'],
        [['1234567890123.45', '0.45'], '1234567890123.00'],
      ],
    );
  });
  it('is null when the recharge clears the debt, or is not an amount yet', () => {
    expectCases(
      (paid: string) => stillMissing('37.00', paid),
      [
        ['37.00', null],
        ['100', null],
        ['', null],
        ['abc', null],
      ],
    );
  });
});
