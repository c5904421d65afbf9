import { describe, expect, it } from 'vitest';
import { burnSeries, daysOf, fromCents, toCents } from './burn.ts';

describe('R10.1 burn chart series', () => {
  it('carries spent over days without charges and projects to the forecast at month end, exactly', () => {
    const s = burnSeries(
      '2026-11',
      '2026-11-28',
      [
        { date: '2026-11-02', spent: '100.00' },
        { date: '2026-11-05', spent: '250.50' },
      ],
      '250.50',
      '280.51',
    );
    expect(s).toHaveLength(30);
    expect(s[0]).toEqual({ date: '2026-11-01', amount: '0.00', projected: false });
    expect(s[3]).toEqual({ date: '2026-11-04', amount: '100.00', projected: false });
    expect(s[27]).toEqual({ date: '2026-11-28', amount: '250.50', projected: false });
    expect(s[28]).toEqual({ date: '2026-11-29', amount: '265.50', projected: true });
    expect(s[29]).toEqual({ date: '2026-11-30', amount: '280.51', projected: true });
  });

  it('a past month has no forecast part', () => {
    const s = burnSeries('2026-10', '2026-11-28', [{ date: '2026-10-31', spent: '9.99' }], '9.99', '9.99');
    expect(s).toHaveLength(31);
    expect(s.every((p) => !p.projected)).toBe(true);
    expect(s.at(-1)?.amount).toBe('9.99');
  });

  it('money helpers are exact', () => {
    expect(toCents('0.0035')).toBe(0n);
    expect(toCents('0.005')).toBe(1n);
    expect(fromCents(-1234n)).toBe('-12.34');
    expect(daysOf('2028-02')).toHaveLength(29);
  });
});
