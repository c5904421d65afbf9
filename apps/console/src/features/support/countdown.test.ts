import { describe, expect, it } from 'vitest';
import { formatCountdown, minutesLeft, msLeft } from './countdown.ts';

describe('impersonation countdown (R9.2)', () => {
  it('formats minutes and seconds below an hour', () => {
    expect(formatCountdown(59 * 60_000 + 7_000)).toBe('59:07');
    expect(formatCountdown(65_000)).toBe('1:05');
    expect(formatCountdown(9_000)).toBe('0:09');
  });

  it('shows hours from 60 minutes up (a fresh session starts at 1:00:00)', () => {
    expect(formatCountdown(60 * 60_000)).toBe('1:00:00');
    expect(formatCountdown(61 * 60_000 + 1_000)).toBe('1:01:01');
  });

  it('rounds partial seconds up, so 0:00 means the session has ended', () => {
    expect(formatCountdown(1)).toBe('0:01');
    expect(formatCountdown(59_001)).toBe('1:00');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-5_000)).toBe('0:00');
  });

  it('measures the time left to an +08:00 expiry, never negative', () => {
    const now = Date.parse('2026-03-01T10:00:00+08:00');
    expect(msLeft('2026-03-01T11:00:00+08:00', now)).toBe(3_600_000);
    expect(msLeft('2026-03-01T02:30:00Z', now)).toBe(30 * 60_000);
    expect(msLeft('2026-03-01T09:00:00+08:00', now)).toBe(0);
    expect(msLeft('not a time', now)).toBe(0);
  });

  it('tells whole minutes left, rounded up', () => {
    expect(minutesLeft(60 * 60_000)).toBe(60);
    expect(minutesLeft(59 * 60_000 + 1)).toBe(60);
    expect(minutesLeft(1)).toBe(1);
    expect(minutesLeft(0)).toBe(0);
  });
});
