/**
 * R6 arrears helpers: the debt to clear (exact decimal strings, BigInt cents) and the countdown to
 * suspension. Times are instants (ms); the countdown never looks at the browser's time zone.
 */
import { CENT, formatAmount, parseMoney } from '@idv/billing';

/**
 * R6.3 service resumes once the available balance is 0 or more, so the recharge that resumes it is
 * the debt, −available, rounded UP to whole cents (a recharge has at most 2 decimals). `null` when
 * nothing is owed.
 */
export function debtToClear(available: string): string | null {
  const units = parseMoney(available);
  if (units >= 0n) return null;
  return formatAmount(((-units + CENT - 1n) / CENT) * CENT);
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
  let paid: bigint;
  try {
    paid = parseMoney(amount.trim());
  } catch {
    return null;
  }
  if (paid < 0n) return null;
  const rest = parseMoney(debt) - paid;
  if (rest <= 0n) return null;
  return formatAmount(((rest + CENT - 1n) / CENT) * CENT);
}
