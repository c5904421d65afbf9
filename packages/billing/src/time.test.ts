import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  cstDate,
  cstMonth,
  endOfCstDay,
  formatCst,
  giftPackExpiry,
  monthRange,
  nextDailySettlementAt,
  previousMonth,
  purchasedPackExpiry,
  refundDeadline,
  startOfCstDay,
  startOfCstDayMs,
} from './time.ts';

const cst = (s: string): Date => new Date(`${s}+08:00`);

describe('time (CST, UTC+8)', () => {
  it('day boundaries are CST: 16:00 UTC is already the next CST day', () => {
    expect(cstDate(new Date('2021-05-06T15:59:59.999Z'))).toBe('2021-05-06');
    expect(cstDate(new Date('2021-05-06T16:00:00.000Z'))).toBe('2021-05-07');
    expect(cstMonth(new Date('2021-05-31T16:00:00Z'))).toBe('2021-06');
  });

  it('start and end of a CST day', () => {
    expect(startOfCstDay('2021-05-06').toISOString()).toBe('2021-05-05T16:00:00.000Z');
    expect(endOfCstDay('2021-05-06').toISOString()).toBe('2021-05-06T15:59:59.999Z');
    expect(() => startOfCstDay('2021-02-29')).toThrow();
    expect(() => startOfCstDay('2021-5-6')).toThrow();
  });

  it('calendar arithmetic', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('2021-03-01', -1)).toBe('2021-02-28');
    expect(addMonths('2021-12', 1)).toBe('2022-01');
    expect(addMonths('2021-01', -13)).toBe('2019-12');
    expect(previousMonth('2023-01')).toBe('2022-12');
    const r = monthRange('2024-02');
    expect(r.start).toEqual(cst('2024-02-01T00:00:00'));
    expect(r.end).toEqual(cst('2024-03-01T00:00:00'));
    expect(() => monthRange('2024-13')).toThrow();
  });

  it('formats ISO 8601 with +08:00 and whole seconds (ms truncated)', () => {
    expect(formatCst(cst('2022-05-06T23:59:59.999'))).toBe('2022-05-06T23:59:59+08:00');
    expect(formatCst(new Date('2020-06-28T03:00:37Z'))).toBe('2020-06-28T11:00:37+08:00');
  });

  it('R3.2 purchased pack expires at 23:59:59 CST one year later (2021-05-06 16:07:54 → 2022-05-06 23:59:59)', () => {
    const exp = purchasedPackExpiry(cst('2021-05-06T16:07:54'));
    expect(exp).toEqual(cst('2022-05-06T23:59:59.999'));
    expect(formatCst(exp)).toBe('2022-05-06T23:59:59+08:00');
  });

  it('R3.2 purchased pack: the CST date counts, not the UTC date', () => {
    // 2021-05-06 00:30 CST is still 2021-05-05 in UTC.
    expect(purchasedPackExpiry(cst('2021-05-06T00:30:00'))).toEqual(cst('2022-05-06T23:59:59.999'));
  });

  it('R3.2 purchased pack delivered on 29 Feb expires on 28 Feb next year', () => {
    expect(purchasedPackExpiry(cst('2024-02-29T10:00:00'))).toEqual(cst('2025-02-28T23:59:59.999'));
    expect(purchasedPackExpiry(cst('2023-02-28T10:00:00'))).toEqual(cst('2024-02-28T23:59:59.999'));
  });

  it('R3.2 gift pack expires exactly one year later (2020-06-28 11:00:37 → 2021-06-28 11:00:37)', () => {
    expect(giftPackExpiry(cst('2020-06-28T11:00:37'))).toEqual(cst('2021-06-28T11:00:37'));
    expect(giftPackExpiry(cst('2020-06-28T00:10:00.250'))).toEqual(cst('2021-06-28T00:10:00.250'));
  });

  it('R3.2 gift pack granted on 29 Feb expires on 28 Feb next year, same time', () => {
    expect(giftPackExpiry(cst('2020-02-29T23:30:00'))).toEqual(cst('2021-02-28T23:30:00'));
  });

  it('R8.1 refund open through D+7 (delivered 2020-10-01 → through 2020-10-08 23:59:59.999)', () => {
    const d = refundDeadline(cst('2020-10-01T23:59:00'));
    expect(d).toEqual(cst('2020-10-08T23:59:59.999'));
    expect(refundDeadline(cst('2020-10-01T00:00:00'))).toEqual(d);
    expect(cst('2020-10-09T00:00:00').getTime()).toBeGreaterThan(d.getTime());
  });

  it('R5.1 next daily settlement is the next 08:00 CST strictly after now', () => {
    expect(nextDailySettlementAt(cst('2023-03-01T07:59:59.999'))).toEqual(cst('2023-03-01T08:00:00'));
    expect(nextDailySettlementAt(cst('2023-03-01T08:00:00'))).toEqual(cst('2023-03-02T08:00:00'));
    expect(nextDailySettlementAt(cst('2023-03-01T23:59:59'))).toEqual(cst('2023-03-02T08:00:00'));
    expect(nextDailySettlementAt(cst('2023-03-02T00:00:00'))).toEqual(cst('2023-03-02T08:00:00'));
  });

  it('property: a day is [start, end] and cstDate agrees', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (t) => {
        const at = new Date(t);
        const d = cstDate(at);
        expect(startOfCstDay(d).getTime()).toBeLessThanOrEqual(t);
        expect(endOfCstDay(d).getTime()).toBeGreaterThanOrEqual(t);
        expect(addDays(addDays(d, 40), -40)).toBe(d);
        const next = nextDailySettlementAt(at).getTime();
        expect(next).toBeGreaterThan(t);
        expect(next - t).toBeLessThanOrEqual(24 * 3600 * 1000);
      }),
    );
  });

  it("R4.3 property: the start of an instant's CST day by arithmetic is the one by its calendar date", () => {
    // Before 1970 too (negative epoch ms: Math.floor, not truncation), and on day boundaries.
    const boundaries = [cst('2026-11-20T00:00:00').getTime(), cst('1969-12-31T23:59:59.999').getTime()];
    for (const b of boundaries)
      for (const t of [b - 1, b, b + 1]) {
        expect(startOfCstDayMs(t)).toBe(startOfCstDay(cstDate(new Date(t))).getTime());
      }
    fc.assert(
      fc.property(fc.integer({ min: -2_208_988_800_000, max: 4_102_444_800_000 }), (t) => {
        expect(startOfCstDayMs(t)).toBe(startOfCstDay(cstDate(new Date(t))).getTime());
      }),
      { numRuns: 2_000 },
    );
  });
});
