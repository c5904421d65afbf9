import type { PackState } from './deduction.ts';
import { endOfCstDay } from './time.ts';

/** Tests only: an active purchased pack of `label`, bought 2026-11-01 and valid a year, with overrides. */
export function testPack(label: string, p: Partial<PackState> & Pick<PackState, 'id' | 'total'>): PackState {
  return {
    label,
    source: 'purchase',
    status: 'active',
    used: 0,
    acquiredAt: new Date('2026-11-01T00:00:00+08:00'),
    expiresAt: endOfCstDay('2027-11-01'),
    ...p,
  };
}
