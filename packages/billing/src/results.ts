/** R1.4 Result codes the verification service reports for a call (the API's enum is built from this list). */
export const USAGE_RESULTS = [
  'success',
  'compare_mismatch',
  'liveness_failed',
  'invalid_request',
  'internal_error',
  'timeout',
] as const;

export type UsageResult = (typeof USAGE_RESULTS)[number];

export function isUsageResult(s: string): s is UsageResult {
  return (USAGE_RESULTS as readonly string[]).includes(s);
}

/**
 * R1.4 Billable: the service did its work (even if the faces did not match or liveness failed).
 * Not billable: the request was bad or the service failed; recorded and shown, never charged.
 */
export function isBillable(result: UsageResult): boolean {
  switch (result) {
    case 'success':
    case 'compare_mismatch':
    case 'liveness_failed':
      return true;
    case 'invalid_request':
    case 'internal_error':
    case 'timeout':
      return false;
    default: {
      const never: never = result;
      throw new Error(`unknown usage result ${String(never)}`);
    }
  }
}
