import { DomainError } from './errors.ts';

/**
 * All day boundaries are China Standard Time: UTC+8, no DST (domain rules preamble). Because
 * the offset is fixed, CST wall-clock fields are the UTC fields of (instant + 8h); no time-zone
 * database is needed. Dates travel as 'YYYY-MM-DD' strings, months as 'YYYY-MM'.
 */
export const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function checkInstant(at: Date): number {
  const t = at.getTime();
  if (Number.isNaN(t)) throw new DomainError('INVALID_TIME', 'invalid Date');
  return t;
}

/** Epoch ms of UTC midnight of y-m-d; months/days may overflow (Date.UTC normalises them). */
function utcMidnight(y: number, m: number, d: number): number {
  const dt = new Date(0);
  // setUTCFullYear avoids Date.UTC's 0..99 → 19xx mapping.
  dt.setUTCFullYear(y, m - 1, d);
  return dt.getTime();
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parseDate(date: string): Ymd {
  const r = DATE_RE.exec(date);
  if (r === null) throw new DomainError('INVALID_DATE', `expected YYYY-MM-DD: "${date}"`);
  const y = Number.parseInt(r[1] ?? '', 10);
  const m = Number.parseInt(r[2] ?? '', 10);
  const d = Number.parseInt(r[3] ?? '', 10);
  const probe = new Date(utcMidnight(y, m, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    throw new DomainError('INVALID_DATE', `no such calendar date: "${date}"`);
  }
  return { y, m, d };
}

function parseMonth(month: string): { y: number; m: number } {
  const r = MONTH_RE.exec(month);
  const y = Number.parseInt(r?.[1] ?? '', 10);
  const m = Number.parseInt(r?.[2] ?? '', 10);
  if (r === null || m < 1 || m > 12) throw new DomainError('INVALID_MONTH', `expected YYYY-MM: "${month}"`);
  return { y, m };
}

const fmtDate = (utc: Date): string =>
  `${pad(utc.getUTCFullYear(), 4)}-${pad(utc.getUTCMonth() + 1)}-${pad(utc.getUTCDate())}`;

/** A Date whose UTC fields are the CST wall-clock fields of `at`. */
const wall = (at: Date): Date => new Date(checkInstant(at) + CST_OFFSET_MS);

/** The last day cstDate formatted (its CST start, epoch ms): ingest asks for the same day many times in a row. */
let lastDayStart = Number.NaN;
let lastDay = '';

/** CST calendar date of an instant, 'YYYY-MM-DD'. */
export function cstDate(at: Date): string {
  const start = startOfCstDayMs(checkInstant(at));
  if (start !== lastDayStart) {
    lastDay = fmtDate(new Date(start + CST_OFFSET_MS));
    lastDayStart = start;
  }
  return lastDay;
}

/** CST calendar month of an instant, 'YYYY-MM'. */
export function cstMonth(at: Date): string {
  return cstDate(at).slice(0, 7);
}

/**
 * 00:00:00.000 CST of the CST day an instant (epoch ms) falls in, as epoch ms: the same instant as
 * `startOfCstDay(cstDate(at))`, by arithmetic (the offset is fixed and epoch days are whole multiples of
 * DAY_MS), without formatting and parsing a date: the hot path of deduction (issue 15).
 */
export function startOfCstDayMs(t: number): number {
  return Math.floor((t + CST_OFFSET_MS) / DAY_MS) * DAY_MS - CST_OFFSET_MS;
}

/** 00:00:00.000 CST of the given date. */
export function startOfCstDay(date: string): Date {
  const { y, m, d } = parseDate(date);
  return new Date(utcMidnight(y, m, d) - CST_OFFSET_MS);
}

/** 23:59:59.999 CST of the given date: "day D" ends here (domain rules preamble). */
export function endOfCstDay(date: string): Date {
  return new Date(startOfCstDay(date).getTime() + DAY_MS - 1);
}

function checkInt(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new DomainError('INVALID_ARGUMENT', `${what} must be an integer`);
}

/** Calendar-day arithmetic on 'YYYY-MM-DD'. */
export function addDays(date: string, n: number): string {
  checkInt(n, 'days');
  const { y, m, d } = parseDate(date);
  return fmtDate(new Date(utcMidnight(y, m, d + n)));
}

/** [start, end) of a CST calendar month: start inclusive, end exclusive. */
export function monthRange(month: string): { start: Date; end: Date } {
  const { y, m } = parseMonth(month);
  return {
    start: new Date(utcMidnight(y, m, 1) - CST_OFFSET_MS),
    end: new Date(utcMidnight(y, m + 1, 1) - CST_OFFSET_MS),
  };
}

export function addMonths(month: string, n: number): string {
  checkInt(n, 'months');
  const { y, m } = parseMonth(month);
  return fmtDate(new Date(utcMidnight(y, m + n, 1))).slice(0, 7);
}

export function previousMonth(month: string): string {
  return addMonths(month, -1);
}

/** ISO 8601 in CST with whole seconds (milliseconds truncated): "2022-05-06T23:59:59+08:00". */
export function formatCst(at: Date): string {
  const w = wall(at);
  return `${fmtDate(w)}T${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}+08:00`;
}

/**
 * Same month/day one calendar year later. Decision (the rule book is silent): 29 February has
 * no counterpart in a common year, so it maps to 28 February. We never roll over into March,
 * because that would give the customer a validity longer than "one year" and move the expiry
 * into another month's bill.
 */
function sameDateNextYear({ y, m, d }: Ymd): Ymd {
  const ny = y + 1;
  const leap = (ny % 4 === 0 && ny % 100 !== 0) || ny % 400 === 0;
  return m === 2 && d === 29 && !leap ? { y: ny, m: 2, d: 28 } : { y: ny, m, d };
}

/**
 * R3.2 Purchased packs expire at 23:59:59(.999) CST on the same calendar date one year after
 * delivery. A 29 Feb delivery expires on 28 Feb of the next year (see sameDateNextYear).
 */
export function purchasedPackExpiry(deliveredAt: Date): Date {
  const next = sameDateNextYear(parseDate(cstDate(deliveredAt)));
  return endOfCstDay(`${pad(next.y, 4)}-${pad(next.m)}-${pad(next.d)}`);
}

/**
 * R3.2 Gift packs expire exactly one year after the grant: same CST wall-clock time (ms kept)
 * on the same date next year; 29 Feb → 28 Feb (see sameDateNextYear).
 */
export function giftPackExpiry(grantedAt: Date): Date {
  const w = wall(grantedAt);
  const next = sameDateNextYear({ y: w.getUTCFullYear(), m: w.getUTCMonth() + 1, d: w.getUTCDate() });
  const msOfDay = w.getTime() - utcMidnight(w.getUTCFullYear(), w.getUTCMonth() + 1, w.getUTCDate());
  return new Date(utcMidnight(next.y, next.m, next.d) + msOfDay - CST_OFFSET_MS);
}

/** R8.1 Delivered any time on day D → refundable through D+7 23:59:59.999 CST inclusive. */
export function refundDeadline(deliveredAt: Date): Date {
  return endOfCstDay(addDays(cstDate(deliveredAt), 7));
}

/** Hour (CST) at which daily settlement of the previous day starts (R5.1: 08:00–12:00). */
export const DAILY_SETTLEMENT_HOUR_CST = 8;

/** R5.1 The next 08:00 CST strictly after `now` (at exactly 08:00 → tomorrow's 08:00). */
export function nextDailySettlementAt(now: Date): Date {
  const t = checkInstant(now);
  const today = startOfCstDay(cstDate(now)).getTime() + DAILY_SETTLEMENT_HOUR_CST * 60 * 60 * 1000;
  return new Date(today > t ? today : today + DAY_MS);
}
