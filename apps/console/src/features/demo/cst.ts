import { toCstParts } from '../../lib/datetime.ts';

/** `<input type="datetime-local">` value (CST wall time) → ISO with +08:00; null when empty or malformed. */
export function cstInputToIso(value: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(value);
  if (!m) return null;
  return `${m[1]}T${m[2]}${m[3] ?? ':00'}+08:00`;
}

/** An ISO time → the datetime-local value of its CST wall time (minutes). */
export function isoToCstInput(iso: string): string {
  const p = toCstParts(iso);
  if (!p) return '';
  return `${p.date}T${(p.time ?? '00:00').slice(0, 5)}`;
}
