/**
 * Date/time display in China Standard Time (UTC+8, no DST), the zone every rule is stated in.
 * The API sends ISO 8601 strings with `+08:00`: those are shown by slicing the string, so the
 * browser's own time zone never shifts a date. Other offsets (or `Z`) are moved to +08:00 first by
 * plain UTC arithmetic, again independent of the browser's zone.
 */
const CST_ISO = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?(\.\d+)?\+08:00$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const CST_OFFSET_MS = 8 * 3_600_000;

export interface CstParts {
  date: string;
  /** HH:MM:SS, or null for a date-only value. */
  time: string | null;
}

export function toCstParts(iso: string): CstParts | null {
  if (DATE_ONLY.test(iso)) return { date: iso, time: null };
  const m = CST_ISO.exec(iso);
  if (m) return { date: m[1] as string, time: `${m[2]}${m[3] ?? ':00'}` };
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const shifted = new Date(ms + CST_OFFSET_MS).toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 19) };
}

/** `2022-05-06 23:59:59` (CST wall time). */
export function formatDateTime(iso: string | null | undefined, fallback = '—'): string {
  if (!iso) return fallback;
  const p = toCstParts(iso);
  if (!p) return fallback;
  return p.time ? `${p.date} ${p.time}` : p.date;
}

/** `2022-05-06 23:59` (CST wall time, no seconds). */
export function formatDateTimeShort(iso: string | null | undefined, fallback = '—'): string {
  if (!iso) return fallback;
  const p = toCstParts(iso);
  if (!p) return fallback;
  return p.time ? `${p.date} ${p.time.slice(0, 5)}` : p.date;
}

/** `2022-05-06` (CST calendar date). */
export function formatDate(iso: string | null | undefined, fallback = '—'): string {
  if (!iso) return fallback;
  return toCstParts(iso)?.date ?? fallback;
}

/** `05-06` for compact axes. */
export function formatMonthDay(date: string): string {
  return date.length >= 10 ? date.slice(5, 10) : date;
}
