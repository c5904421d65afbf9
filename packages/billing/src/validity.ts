import { DomainError } from './errors.ts';
import { cstDate, endOfCstDay, startOfCstDayMs } from './time.ts';

/**
 * R4.3 The ONE notion of a pack's validity, used wherever validity is decided (ingest's deduction,
 * same-day coverage at delivery, the explainer, the forecasts and the planner, and the SQL that
 * loads candidate packs). A pack delivered (acquired) on CST day D is valid from 00:00 CST of D
 * through its expiresAt (R3.2), inclusive. So every call of day D may go to it, whenever the call
 * arrives (before or after the delivery), and no call of day D−1 ever does.
 */
export interface PackValidityInput {
  acquiredAt: Date;
  expiresAt: Date;
}

export interface PackValidity {
  /** 00:00:00.000 CST of the delivery day (inclusive). */
  from: Date;
  /** expiresAt (inclusive: the pack's last valid millisecond). */
  to: Date;
  /** CST date of `from`: the first day the pack serves. */
  firstDay: string;
  /** CST date of `to`: the last day the pack serves (a gift pack expiring at 11:00 serves part of it). */
  lastDay: string;
}

/** R4.3 The instant a pack acquired at `acquiredAt` starts to be valid: 00:00 CST of that day. */
export function packValidFrom(acquiredAt: Date): Date {
  return new Date(validFromMs(acquiredAt));
}

function validFromMs(acquiredAt: Date): number {
  const t = acquiredAt.getTime();
  if (Number.isNaN(t)) throw new DomainError('INVALID_TIME', 'invalid Date');
  return startOfCstDayMs(t);
}

/** R4.3 A pack's validity window (both ends inclusive) and its first and last CST days. */
export function packValidity(pack: PackValidityInput): PackValidity {
  const from = packValidFrom(pack.acquiredAt);
  return { from, to: pack.expiresAt, firstDay: cstDate(from), lastDay: cstDate(pack.expiresAt) };
}

/** R4.2/R4.3 Whether the pack's validity covers a call made at `at` (status and capacity aside). */
export function packValidAt(pack: PackValidityInput, at: Date): boolean {
  const t = at.getTime();
  return validFromMs(pack.acquiredAt) <= t && t <= pack.expiresAt.getTime();
}

/**
 * R4.3 Whether the pack serves any part of CST day `date` (the forecasts work in whole days: a pack
 * delivered today serves today; a gift pack expiring at 11:00 on its last day serves that day).
 */
export function packValidOnDay(pack: PackValidityInput, date: string): boolean {
  const v = packValidity(pack);
  return v.firstDay <= date && date <= v.lastDay;
}

/**
 * For database filters: a pack can be valid at some instant in [from, to] only if it was acquired
 * no later than this instant (the end of `to`'s CST day) and expires no earlier than `from`.
 * `acquiredAt <= latestAcquisitionCovering(to)` is the exact SQL form of packValidFrom(acq) <= to.
 */
export function latestAcquisitionCovering(to: Date): Date {
  return endOfCstDay(cstDate(to));
}
