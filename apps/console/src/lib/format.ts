/**
 * Number display. Money is a decimal string (R1.2) and stays one: it is only re-punctuated here,
 * never turned into a JS number. Counts are integers and may use Intl.
 */
const MONEY = /^(-?)(\d+)(?:\.(\d+))?$/;

/** `1234567` → `1,234,567` (string-only, any length). */
export function groupDigits(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * `"11000.00"` → `"¥11,000.00"`; `"0.0035"` → `"¥0.0035"`; `"5"` → `"¥5.00"`. At least two decimals
 * are shown; more are kept exactly as sent (prices have up to 4, R1.2).
 */
export function formatMoney(amount: string | null | undefined, fallback = '—'): string {
  if (amount === null || amount === undefined) return fallback;
  const m = MONEY.exec(amount.trim());
  if (!m) return fallback;
  const [, sign, int, frac = ''] = m;
  const decimals = frac.length >= 2 ? frac : frac.padEnd(2, '0');
  return `${sign}¥${groupDigits(int ?? '0')}.${decimals}`;
}

const countFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Call counts: `10000` → `10,000`. */
export function formatCount(n: number): string {
  return countFormat.format(n);
}

/** The API's percent strings (`"64.20"`) shown as sent. */
export function formatPercent(p: string): string {
  return `${p}%`;
}

/** A percent string clamped to 0..100 as a number, for bar widths and aria-valuenow only. */
export function percentValue(p: string): number {
  const n = Number.parseFloat(p);
  if (!Number.isFinite(n)) return 0;
  return Math.min(100, Math.max(0, n));
}
