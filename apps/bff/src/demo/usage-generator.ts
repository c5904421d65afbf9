import { addDays, cstDate, formatCst, parseMoney, startOfCstDay, type UsageResult } from '@idv/billing';
import type { UsageEventInput, UsageInjection } from '@idv/contracts';

const DAY_S = 86_400;
const NON_BILLABLE: UsageResult[] = ['invalid_request', 'timeout', 'internal_error'];
const BILLABLE: UsageResult[] = [
  'success',
  'success',
  'success',
  'success',
  'success',
  'success',
  'compare_mismatch',
  'liveness_failed',
];

/**
 * Deterministic demo usage (R9.3 usage injector): each CST day, `callsPerDay` calls evenly spaced over
 * the day; call k is non-billable when the running share crosses a whole call (Bresenham), so exactly
 * round(share × calls) of a day's calls are non-billable. Returns the calls with from < t <= to.
 */
export function generateUsage(inj: UsageInjection, from: Date, to: Date, idPrefix: string): UsageEventInput[] {
  const out: UsageEventInput[] = [];
  // "0.25" → 2500 parts of 10,000, exactly: billing's decimal parser (4 decimals, no float).
  const parts = parseMoney(inj.nonBillableShare);
  for (let day = cstDate(from); startOfCstDay(day).getTime() <= to.getTime(); day = addDays(day, 1)) {
    const start = startOfCstDay(day).getTime();
    for (let k = 0; k < inj.callsPerDay; k++) {
      // Whole seconds, evenly spread: the k-th call sits in the middle of its slot.
      const t = start + Math.floor(((2 * k + 1) * DAY_S) / (2 * inj.callsPerDay)) * 1000;
      if (t <= from.getTime() || t > to.getTime()) continue;
      const kb = BigInt(k);
      const nonBillable = ((kb + 1n) * parts) / 10_000n > (kb * parts) / 10_000n;
      const result = nonBillable ? NON_BILLABLE[k % NON_BILLABLE.length] : BILLABLE[k % BILLABLE.length];
      out.push({
        id: `${idPrefix}-${inj.label}-${inj.resourceId}-${day}-${k}`,
        label: inj.label,
        resourceId: inj.resourceId,
        result: result ?? 'success',
        occurredAt: formatCst(new Date(t)),
      });
    }
  }
  return out;
}
