import { describe, expect, it } from 'vitest';
import { expectCases } from '../test/expect-cases.ts';
import { formatDate, formatDateTime, formatDateTimeShort, toCstParts } from './datetime.ts';

describe('CST display', () => {
  it('shows a +08:00 time as its wall time, whatever the browser zone', () => {
    expect(formatDateTime('2022-05-06T23:59:59+08:00')).toBe('2022-05-06 23:59:59');
    expect(formatDate('2022-05-06T23:59:59+08:00')).toBe('2022-05-06');
    expect(formatDateTimeShort('2021-05-06T16:07:54+08:00')).toBe('2021-05-06 16:07');
  });

  it('moves a UTC time to CST (16:00Z is midnight of the next CST day)', () => {
    expect(toCstParts('2020-10-08T16:00:00Z')).toEqual({ date: '2020-10-09', time: '00:00:00' });
    expect(formatDateTime('2020-10-08T15:59:59.999Z')).toBe('2020-10-08 23:59:59');
  });

  it('keeps a date-only value and falls back on nonsense', () => {
    expectCases(formatDateTime, [
      ['2024-05-15', '2024-05-15'],
      ['not a date', '—'],
      [null, '—'],
    ]);
  });
});
