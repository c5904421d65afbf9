import { DomainError } from './errors.ts';

/**
 * Money in units of 1/10000 CNY. Prices carry up to 4 decimals (risk.face is 0.0035 per call,
 * R1.2), so 4 decimals is the finest unit we ever need; bigint so that no binary float ever
 * touches money (R1.2).
 */
export type Money = bigint;

/** Units per yuan (1 CNY = 10000 units). */
export const UNITS_PER_YUAN = 10_000n;
export const ZERO: Money = 0n;
/** One fen (0.01 CNY). Charges and balances are always whole cents. */
export const CENT: Money = 100n;

const MONEY_RE = /^(-)?(\d+)(?:\.(\d{1,4}))?$/;

/** Parses a decimal string such as "11000", "-3.5" or "0.0035" (R1.2: max 4 decimals). */
export function parseMoney(s: string): Money {
  const m = MONEY_RE.exec(s);
  if (m === null) {
    throw new DomainError('INVALID_MONEY', `not a decimal amount with at most 4 decimals: "${s}"`, {
      value: s,
    });
  }
  const [, sign, whole = '0', frac = ''] = m;
  const units = BigInt(whole) * UNITS_PER_YUAN + BigInt(frac.padEnd(4, '0'));
  return sign === '-' ? -units : units;
}

const abs = (m: Money): Money => (m < 0n ? -m : m);

export function isCentExact(m: Money): boolean {
  return m % CENT === 0n;
}

function format4(m: Money): { sign: string; whole: string; frac: string } {
  const a = abs(m);
  return {
    sign: m < 0n ? '-' : '',
    whole: (a / UNITS_PER_YUAN).toString(),
    frac: (a % UNITS_PER_YUAN).toString().padStart(4, '0'),
  };
}

/** Amount with exactly 2 decimals ("11000.00", "-3.50"). Amounts are always whole cents. */
export function formatAmount(m: Money): string {
  if (!isCentExact(m)) {
    throw new DomainError('NOT_CENT_EXACT', 'an amount must be a whole number of cents', {
      value: formatMoney4(m),
    });
  }
  const { sign, whole, frac } = format4(m);
  return `${sign}${whole}.${frac.slice(0, 2)}`;
}

/** Unit price with 2 to 4 decimals ("1.20", "0.0035", "0.15"), as shown on the pricing page (R1.3). */
export function formatPrice(m: Money): string {
  const { sign, whole, frac } = format4(m);
  let f = frac;
  while (f.length > 2 && f.endsWith('0')) f = f.slice(0, -1);
  return `${sign}${whole}.${f}`;
}

/** Always 4 decimals: the wire format for the database's NUMERIC(20,4) (R1.2). */
export function formatMoney4(m: Money): string {
  const { sign, whole, frac } = format4(m);
  return `${sign}${whole}.${frac}`;
}

/**
 * Rounds to a whole cent, half-up. For negative values "half-up" is applied to the magnitude
 * (half away from zero: -0.005 → -0.01), so rounding is symmetric and a refund of a charge
 * rounds to exactly the negated charge (R5.1 rounding at the line).
 */
export function roundHalfUpToCent(m: Money): Money {
  const a = ((abs(m) + CENT / 2n) / CENT) * CENT;
  return m < 0n ? -a : a;
}

/** Converts a call count (number or bigint) to bigint; counts must be non-negative safe integers. */
export function toCount(count: number | bigint): bigint {
  if (typeof count === 'bigint') {
    if (count < 0n) throw new DomainError('INVALID_COUNT', 'count must be >= 0', { count: count.toString() });
    return count;
  }
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new DomainError('INVALID_COUNT', 'count must be a non-negative integer', { count });
  }
  return BigInt(count);
}

/** price × count, exact (no rounding: a line is rounded once, by the caller, R5.1). */
export function mulCount(price: Money, count: number | bigint): Money {
  return price * toCount(count);
}

export function sumMoney(ms: readonly Money[]): Money {
  let s = ZERO;
  for (const m of ms) s += m;
  return s;
}

export function minMoney(first: Money, ...rest: Money[]): Money {
  let r = first;
  for (const m of rest) if (m < r) r = m;
  return r;
}

export function maxMoney(first: Money, ...rest: Money[]): Money {
  let r = first;
  for (const m of rest) if (m > r) r = m;
  return r;
}

/**
 * Splits a cent-exact `total` into cent-exact parts proportional to `weights` by the largest
 * remainder method: every part gets the floor of its exact share in cents, and the cents left
 * over go one each to the parts with the largest remainders (ties → earliest index). The parts
 * always sum exactly to `total` (R8.3: no cent lost or made). All-zero weights split evenly.
 * A negative total is split by magnitude and negated, so the result is symmetric.
 */
export function allocate(total: Money, weights: readonly bigint[]): Money[] {
  if (!isCentExact(total)) {
    throw new DomainError('NOT_CENT_EXACT', 'only whole cents can be allocated', {
      total: formatMoney4(total),
    });
  }
  if (weights.length === 0) {
    throw new DomainError('INVALID_ALLOCATION', 'at least one weight is required');
  }
  if (weights.some((w) => w < 0n)) {
    throw new DomainError('INVALID_ALLOCATION', 'weights must be non-negative');
  }
  const ws = weights.every((w) => w === 0n) ? weights.map(() => 1n) : weights;
  const wSum = ws.reduce((a, b) => a + b, 0n);
  const cents = abs(total) / CENT;
  const floors = ws.map((w) => (cents * w) / wSum);
  const rems = ws.map((w) => (cents * w) % wSum);
  let left = cents - floors.reduce((a, b) => a + b, 0n);
  // Indices by descending remainder, ties keep the earliest index (stable sort).
  const order = ws
    .map((_, i) => i)
    .sort((i, j) => {
      const ri = rems[i] ?? 0n;
      const rj = rems[j] ?? 0n;
      return ri === rj ? i - j : ri > rj ? -1 : 1;
    });
  const parts = [...floors];
  for (const i of order) {
    if (left === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map((c) => (total < 0n ? -c * CENT : c * CENT));
}
