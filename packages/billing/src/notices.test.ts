import { describe, expect, it } from 'vitest';
import { packExpiryCrossings, packThresholdCrossings } from './notices.ts';

const cst = (s: string): Date => new Date(`${s}+08:00`);

describe('pack notices (R7)', () => {
  it('R7 usage warning when remaining first drops below 20% of total', () => {
    // total 100: remaining 20 is not below 20%, 19 is
    expect(packThresholdCrossings({ used: 79, total: 100 }, { used: 80, total: 100 })).toEqual([]);
    expect(packThresholdCrossings({ used: 80, total: 100 }, { used: 81, total: 100 })).toEqual(['pack_low']);
    expect(packThresholdCrossings({ used: 81, total: 100 }, { used: 82, total: 100 })).toEqual([]);
  });

  it('R7 exhausted notice when remaining reaches 0, sent once', () => {
    expect(packThresholdCrossings({ used: 99, total: 100 }, { used: 100, total: 100 })).toEqual(['pack_exhausted']);
    expect(packThresholdCrossings({ used: 100, total: 100 }, { used: 100, total: 100 })).toEqual([]);
  });

  it('R7 a jump straight to 0 crosses both thresholds (low first)', () => {
    expect(packThresholdCrossings({ used: 0, total: 100 }, { used: 100, total: 100 })).toEqual([
      'pack_low',
      'pack_exhausted',
    ]);
  });

  it('R7 integer math on small packs: total 3 is low at remaining 0 only', () => {
    expect(packThresholdCrossings({ used: 1, total: 3 }, { used: 2, total: 3 })).toEqual([]); // 1×5 = 5 ≥ 3
    expect(packThresholdCrossings({ used: 2, total: 3 }, { used: 3, total: 3 })).toEqual([
      'pack_low',
      'pack_exhausted',
    ]);
    expect(packThresholdCrossings({ used: 8, total: 10 }, { used: 9, total: 10 })).toEqual(['pack_low']); // 1×5 < 10
  });

  it('R7 expiring notice when 7 days are left, expired notice after the last valid instant', () => {
    const exp = cst('2022-05-06T23:59:59.999');
    expect(packExpiryCrossings(exp, cst('2022-04-29T23:59:59.998'), cst('2022-04-29T23:59:59.999'))).toEqual([
      'pack_expiring',
    ]);
    expect(packExpiryCrossings(exp, cst('2022-04-29T23:59:59.999'), cst('2022-05-06T23:59:59.999'))).toEqual([]);
    expect(packExpiryCrossings(exp, cst('2022-05-06T23:59:59.999'), cst('2022-05-07T00:00:00'))).toEqual([
      'pack_expired',
    ]);
    expect(packExpiryCrossings(exp, cst('2022-01-01T00:00:00'), cst('2023-01-01T00:00:00'))).toEqual([
      'pack_expiring',
      'pack_expired',
    ]);
  });
});
