import { describe, expect, it } from 'vitest';
import { isBillable, isUsageResult, USAGE_RESULTS } from './results.ts';

describe('results', () => {
  it('R1.4 success, compare_mismatch and liveness_failed are billable', () => {
    expect(isBillable('success')).toBe(true);
    expect(isBillable('compare_mismatch')).toBe(true);
    expect(isBillable('liveness_failed')).toBe(true);
  });

  it('R1.4 invalid_request, internal_error and timeout are not billable', () => {
    expect(isBillable('invalid_request')).toBe(false);
    expect(isBillable('internal_error')).toBe(false);
    expect(isBillable('timeout')).toBe(false);
  });

  it('R4.1 recognises the result codes', () => {
    expect(USAGE_RESULTS).toHaveLength(6);
    expect(isUsageResult('timeout')).toBe(true);
    expect(isUsageResult('SUCCESS')).toBe(false);
  });
});
