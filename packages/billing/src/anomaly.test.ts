import { describe, expect, it } from 'vitest';
import { judgeUsageDay, MIN_ANOMALY_HISTORY_DAYS } from './anomaly.ts';
import { addDays, weekdayOf } from './index.ts';

/** `n` days ending the day before `day`, calls from `f(date)`. */
function history(day: string, n: number, f: (date: string) => number) {
  return Array.from({ length: n }, (_, i) => {
    const date = addDays(day, i - n);
    return { date, calls: f(date) };
  });
}

describe('R10.3 usage anomaly verdict', () => {
  it('R10.3 no verdict with fewer than 14 days of history', () => {
    const v = judgeUsageDay(
      '2026-11-20',
      history('2026-11-20', MIN_ANOMALY_HISTORY_DAYS - 1, () => 10),
      10_000,
    );
    expect(v).toEqual({ eligible: false, expected: 0, upper: 0, anomalous: false });
    expect(
      judgeUsageDay(
        '2026-11-20',
        history('2026-11-20', 14, () => 10),
        10_000,
      ).anomalous,
    ).toBe(true);
  });

  it('R10.3 a flat label: expected is its level, the normal range +50% (at least 20 calls)', () => {
    const h = history('2026-11-20', 30, () => 1000);
    expect(judgeUsageDay('2026-11-20', h, 1500)).toEqual({
      eligible: true,
      expected: 1000,
      upper: 1500,
      anomalous: false,
    });
    expect(judgeUsageDay('2026-11-20', h, 1501).anomalous).toBe(true);
    const small = history('2026-11-20', 30, () => 4);
    expect(judgeUsageDay('2026-11-20', small, 24).anomalous).toBe(false);
    expect(judgeUsageDay('2026-11-20', small, 25).anomalous).toBe(true);
  });

  it('R10.3 weekday-aware: a busy Monday is expected on a Monday, the same count on a Sunday is an anomaly', () => {
    // Weekdays 1000, weekends 100.
    const f = (d: string) => (weekdayOf(d) === 0 || weekdayOf(d) === 6 ? 100 : 1000);
    const monday = '2026-11-23';
    const sunday = '2026-11-22';
    expect(weekdayOf(monday)).toBe(1);
    expect(judgeUsageDay(monday, history(monday, 28, f), 1000)).toMatchObject({ expected: 1000, anomalous: false });
    const v = judgeUsageDay(sunday, history(sunday, 28, f), 1000);
    expect(v).toMatchObject({ expected: 100, upper: 150, anomalous: true });
  });

  it('R10.3 noisy history widens the normal range to 4σ', () => {
    // Alternating 800/1200 on consecutive same weekdays gives σ ≈ 200: upper ≈ 1000 + 4 × 200.
    const h = history('2026-11-20', 28, (d) => (Number(d.slice(8)) % 14 < 7 ? 800 : 1200));
    const v = judgeUsageDay('2026-11-20', h, 1700);
    expect(v.upper).toBeGreaterThan(1700);
    expect(v.anomalous).toBe(false);
    expect(judgeUsageDay('2026-11-20', h, v.upper + 1).anomalous).toBe(true);
  });
});
