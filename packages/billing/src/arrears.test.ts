import { describe, expect, it } from 'vitest';
import { arrearsTimeline, rechargeShortfall, releaseAfter, SUSPEND_AFTER_MS } from './arrears.ts';
import { formatAmount, parseMoney } from './money.ts';

const cst = (s: string): Date => new Date(`${s}+08:00`);

describe('arrears timeline (R6.1, R6.2, R6.4)', () => {
  it('R6.1 service stops 24 h after arrears began and is released the set number of days after that', () => {
    const t = arrearsTimeline(cst('2026-11-21T08:00:00'), 15);
    expect(t.suspendsAt).toEqual(cst('2026-11-22T08:00:00'));
    expect(t.releasesAt).toEqual(cst('2026-12-07T08:00:00'));
    expect(SUSPEND_AFTER_MS).toBe(24 * 3_600_000);
  });

  it('R6.4 the release time follows the setting', () => {
    expect(releaseAfter(cst('2026-11-22T08:00:00'), 0)).toEqual(cst('2026-11-22T08:00:00'));
    expect(releaseAfter(cst('2026-11-22T08:00:00'), 3)).toEqual(cst('2026-11-25T08:00:00'));
  });
});

describe('recharge shortfall (R6.3)', () => {
  it('R6.3 how much more is needed to bring the available balance back to 0, in whole cents rounded up', () => {
    expect(rechargeShortfall(parseMoney('0'))).toBeNull();
    expect(rechargeShortfall(parseMoney('12.34'))).toBeNull();
    expect(formatAmount(rechargeShortfall(parseMoney('-80.00')) ?? 0n)).toBe('80.00');
    // A 4-decimal debt (R1.2 prices) needs the next whole cent: 0.0035 → 0.01; 1.2301 → 1.24.
    expect(formatAmount(rechargeShortfall(parseMoney('-0.0035')) ?? 0n)).toBe('0.01');
    expect(formatAmount(rechargeShortfall(parseMoney('-1.2301')) ?? 0n)).toBe('1.24');
    expect(formatAmount(rechargeShortfall(parseMoney('-1.2300')) ?? 0n)).toBe('1.23');
  });
});
