import { describe, expect, it } from 'vitest';
import { addMonths, billQuery, cstMonthOf, parseBillSearch, toBillSearchParams } from './search-params.ts';

describe('bill URL state (R5.5: every filter lives in the URL with the month)', () => {
  it('round-trips month, every filter and the cursor in a fixed order', () => {
    const url =
      'month=2026-10&product=nfc&project=onboarding&region=ap-guangzhou&billingMode=postpaid&transactionType=daily_settlement&q=res-kyc&cursor=abc';
    const s = parseBillSearch(new URLSearchParams(url));
    expect(s).toEqual({
      month: '2026-10',
      product: 'nfc',
      project: 'onboarding',
      region: 'ap-guangzhou',
      billingMode: 'postpaid',
      transactionType: 'daily_settlement',
      q: 'res-kyc',
      cursor: 'abc',
      limit: 50,
    });
    expect(toBillSearchParams(s).toString()).toBe(url);
  });

  it('drops malformed months, unknown enums, blank and over-long values; leaves defaults out', () => {
    const s = parseBillSearch(
      new URLSearchParams(
        `month=2026-13&billingMode=free&transactionType=gift&product=&q=${'x'.repeat(101)}&limit=500&region=%20%20`,
      ),
    );
    expect(s).toMatchObject({
      month: undefined,
      billingMode: undefined,
      transactionType: undefined,
      product: undefined,
      q: undefined,
      region: undefined,
      limit: 50,
    });
    expect(toBillSearchParams(s).toString()).toBe('');
  });

  it('trims text filters and keeps a non-default page size', () => {
    const s = parseBillSearch(new URLSearchParams('q=%20KYC%20prod%20&limit=20'));
    expect(s.q).toBe('KYC prod');
    expect(toBillSearchParams(s).toString()).toBe('q=KYC+prod&limit=20');
  });

  it('builds the API query for a resolved month without the page', () => {
    const s = parseBillSearch(new URLSearchParams('transactionType=refund&cursor=abc'));
    expect(billQuery(s, '2026-11')).toEqual({
      month: '2026-11',
      product: undefined,
      project: undefined,
      region: undefined,
      billingMode: undefined,
      transactionType: 'refund',
      q: undefined,
    });
  });
});

describe('CST months', () => {
  it('takes the month of a +08:00 time by its wall clock', () => {
    expect(cstMonthOf('2026-11-30T23:59:59+08:00')).toBe('2026-11');
    expect(cstMonthOf('2026-12-01T00:00:00.000+08:00')).toBe('2026-12');
  });

  it('moves UTC times to CST first (16:00Z on the last day is already next month in CST)', () => {
    expect(cstMonthOf('2026-11-30T16:00:00Z')).toBe('2026-12');
    expect(cstMonthOf('2026-11-30T15:59:59Z')).toBe('2026-11');
    expect(cstMonthOf('not a date')).toBeUndefined();
  });

  it('adds months across years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-05', -12)).toBe('2025-05');
    expect(addMonths('2026-05', 0)).toBe('2026-05');
  });
});
