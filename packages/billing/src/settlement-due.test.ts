import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailySettlementDue, lastDueSettlementDay, monthDays, monthlySettlementDue } from './settlement-due.ts';
import { addDays, cstDate, formatCst } from './time.ts';

describe('settlement due times (R5.1, R5.2)', () => {
  it('R5.1 day D is due on D+1 at 08:00 CST, across a month end', () => {
    expect(formatCst(dailySettlementDue('2026-11-20'))).toBe('2026-11-21T08:00:00+08:00');
    expect(formatCst(dailySettlementDue('2026-12-31'))).toBe('2027-01-01T08:00:00+08:00');
  });
  it('R5.3 the last due day: yesterday from 08:00 CST on, the day before it until then', () => {
    expect(lastDueSettlementDay(new Date('2026-11-20T07:59:59.999+08:00'))).toBe('2026-11-18');
    expect(lastDueSettlementDay(new Date('2026-11-20T08:00:00+08:00'))).toBe('2026-11-19');
    expect(lastDueSettlementDay(new Date('2026-11-20T23:59:59+08:00'))).toBe('2026-11-19');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (t) => {
        const now = new Date(t);
        const d = lastDueSettlementDay(now);
        // d is due by now, and the day after it is not yet.
        expect(dailySettlementDue(d).getTime()).toBeLessThanOrEqual(t);
        expect(dailySettlementDue(addDays(d, 1)).getTime()).toBeGreaterThan(t);
        expect(d < cstDate(now)).toBe(true);
      }),
    );
  });
  it('R5.2 month M is due on the 1st of M+1 at 08:00 CST', () => {
    expect(formatCst(monthlySettlementDue('2026-11'))).toBe('2026-12-01T08:00:00+08:00');
    expect(formatCst(monthlySettlementDue('2026-12'))).toBe('2027-01-01T08:00:00+08:00');
  });
  it('gives the first and last day of a month, leap years included', () => {
    expect(monthDays('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(monthDays('2026-12')).toEqual({ first: '2026-12-01', last: '2026-12-31' });
  });
});
