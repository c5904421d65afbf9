/**
 * R6 arrears helpers: the debt to clear (exact decimal strings, BigInt cents) and the countdown to
 * suspension. Times are instants (ms); the countdown never looks at the browser's time zone.
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d{1,4}))?$/;

/** `"-12.3456"` → `-123456n` (ten-thousandths, so sub-cent debts stay exact). */
function toUnits(amount: string): bigint {
  const m = DECIMAL.exec(amount.trim());
  if (!m) throw new Error(`not a decimal amount: ${amount}`);
  const [, sign, int = '0', frac = ''] = m;
  const units = BigInt(int) * 10000n + BigInt(frac.padEnd(4, '0'));
  return sign === '-' ? -units : units;
}

/**
 * R6.3 service resumes once the available balance is 0 or more, so the recharge that resumes it is
 * the debt, −available, rounded UP to whole cents (a recharge has at most 2 decimals). `null` when
 * nothing is owed.
 */
export function debtToClear(available: string): string | null {
  const units = toUnits(available);
  if (units >= 0n) return null;
  const debt = -units;
  const cents = (debt + 99n) / 100n;
  const int = cents / 100n;
  return `${int}.${(cents % 100n).toString().padStart(2, '0')}`;
}

export interface Countdown {
  /** True once the moment has passed. */
  passed: boolean;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  totalMs: number;
}

/** Time left until `deadlineIso` at `nowMs`, split into d/h/m/s (floor), never negative. */
export function countdown(deadlineIso: string, nowMs: number): Countdown | null {
  const end = Date.parse(deadlineIso);
  if (Number.isNaN(end)) return null;
  const totalMs = Math.max(0, end - nowMs);
  const s = Math.floor(totalMs / 1000);
  return {
    passed: end <= nowMs,
    days: Math.floor(s / 86400),
    hours: Math.floor((s % 86400) / 3600),
    minutes: Math.floor((s % 3600) / 60),
    seconds: s % 60,
    totalMs,
  };
}

/**
 * R6.3 What a recharge of `amount` would still leave missing of `debt` (both decimal strings, the
 * debt from debtToClear): `null` when the recharge clears it, or when `amount` is not a valid amount.
 */
export function stillMissing(debt: string, amount: string): string | null {
  if (!DECIMAL.test(amount.trim()) || amount.trim().startsWith('-')) return null;
  const rest = toUnits(debt) - toUnits(amount);
  if (rest <= 0n) return null;
  const cents = (rest + 99n) / 100n;
  return `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`;
}
