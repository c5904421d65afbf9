import { DomainError } from './errors.ts';
import { type Money, mulCount, parseMoney } from './money.ts';
import { startOfCstDay } from './time.ts';

/** Product group, e.g. 'enhanced', 'realname' (R1.1). */
export type ProductGroup = string;

/** A pack tier: `size` calls for `price` (R1.1). */
export interface PackTier {
  size: number;
  price: Money;
}

/**
 * How the free trial is granted (R3.4), from the catalog column free_trial_calls:
 * '100' → 'activation', '100*' → 'eid' (when the first eID merchant ID is approved),
 * '0' → 'none'. '100**' (photo.v2) is also 'activation'; its date gate is applied by
 * freeTrialLabels from the code, see there.
 */
export type TrialRule = 'none' | 'activation' | 'eid';

export interface BillingLabel {
  code: string;
  product: ProductGroup;
  nameZh: string;
  nameEn: string;
  unitPrice: Money;
  tiers: PackTier[];
  trialCalls: number;
  trialRule: TrialRule;
}

const COLS = {
  code: 'code',
  product: 'product',
  nameZh: 'name_zh',
  nameEn: 'name_en',
  unitPrice: 'postpaid_unit_price_cny',
  packs: 'packs (calls:price_cny)',
  trial: 'free_trial_calls',
} as const;

function bad(line: number, message: string): DomainError {
  return new DomainError('INVALID_CATALOG', `catalog line ${line}: ${message}`, { line });
}

function parseCount(s: string, line: number, what: string): number {
  if (!/^\d+$/.test(s)) throw bad(line, `${what} is not a whole number: "${s}"`);
  const n = Number.parseInt(s, 10);
  if (!Number.isSafeInteger(n)) throw bad(line, `${what} is too large: "${s}"`);
  return n;
}

function parseTrial(s: string, line: number): { trialCalls: number; trialRule: TrialRule } {
  const m = /^(\d+)(\*{0,2})$/.exec(s);
  if (m === null) throw bad(line, `bad free_trial_calls "${s}"`);
  const trialCalls = parseCount(m[1] ?? '', line, 'free_trial_calls');
  if (trialCalls === 0) return { trialCalls, trialRule: 'none' };
  // R3.4 one star: eid.authority, granted on first eID merchant approval, not at activation.
  return { trialCalls, trialRule: m[2] === '*' ? 'eid' : 'activation' };
}

/**
 * Parses the catalog (R1.1) from TSV with a header row. Columns are located by header name so
 * a reordered file still parses. An empty packs column means postpaid only (nfc.idcard,
 * risk.face). Money is parsed from the decimal text, never through a float (R1.2).
 */
export function parseCatalogTsv(text: string): BillingLabel[] {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim());
  const idx = {} as Record<keyof typeof COLS, number>;
  for (const [key, name] of Object.entries(COLS) as [keyof typeof COLS, string][]) {
    const i = header.indexOf(name);
    if (i < 0) throw bad(1, `missing column "${name}"`);
    idx[key] = i;
  }
  const labels: BillingLabel[] = [];
  const seen = new Set<string>();
  for (let n = 1; n < lines.length; n++) {
    const raw = lines[n] ?? '';
    if (raw.trim() === '') continue;
    const lineNo = n + 1;
    const cells = raw.split('\t');
    const cell = (k: keyof typeof COLS): string => (cells[idx[k]] ?? '').trim();
    const code = cell('code');
    if (code === '') throw bad(lineNo, 'empty code');
    if (seen.has(code)) throw bad(lineNo, `duplicate code "${code}"`);
    seen.add(code);
    const money = (s: string): Money => {
      try {
        return parseMoney(s);
      } catch {
        throw bad(lineNo, `bad amount "${s}"`);
      }
    };
    const unitPrice = money(cell('unitPrice'));
    const packs = cell('packs');
    const tiers: PackTier[] =
      packs === ''
        ? []
        : packs.split(',').map((p) => {
            const [size = '', price = '', ...extra] = p.trim().split(':');
            if (extra.length > 0) throw bad(lineNo, `bad pack tier "${p}"`);
            const tier = { size: parseCount(size, lineNo, 'pack size'), price: money(price) };
            if (tier.size <= 0) throw bad(lineNo, 'pack size must be > 0');
            return tier;
          });
    labels.push({
      code,
      product: cell('product'),
      nameZh: cell('nameZh'),
      nameEn: cell('nameEn'),
      unitPrice,
      tiers,
      ...parseTrial(cell('trial'), lineNo),
    });
  }
  return labels;
}

export interface TierQuote {
  /** Effective price per call: price / size, rounded half-up to 4 decimals. */
  perCall: Money;
  /** What the tier saves against buying the same calls postpaid: unitPrice × size − price. */
  saving: Money;
  /** saving / (unitPrice × size) in percent, 2 decimals half-up ("8.33"); "0.00" if postpaid is free. */
  savingPercent: string;
}

/** Integer division a/b rounded half away from zero (b > 0). */
function divRound(a: bigint, b: bigint): bigint {
  const q = ((a < 0n ? -a : a) * 2n + b) / (2n * b);
  return a < 0n ? -q : q;
}

/** R1.3 Pricing-page figures for one tier, exact integer arithmetic throughout. */
export function tierQuote(label: BillingLabel, tier: PackTier): TierQuote {
  const size = BigInt(tier.size);
  if (size <= 0n) throw new DomainError('INVALID_TIER', 'pack size must be > 0');
  const postpaid = mulCount(label.unitPrice, size);
  const saving = postpaid - tier.price;
  // In hundredths of a percent: saving / postpaid × 100 × 100.
  const bp = postpaid === 0n ? 0n : divRound(saving * 10_000n, postpaid);
  const a = bp < 0n ? -bp : bp;
  const savingPercent = `${bp < 0n ? '-' : ''}${a / 100n}.${(a % 100n).toString().padStart(2, '0')}`;
  return { perCall: divRound(tier.price, size), saving, savingPercent };
}

/** R3.4 photo.v2 trial only for accounts activated on or after this instant (00:00 CST). */
export const PHOTO_V2_TRIAL_FROM: Date = startOfCstDay('2024-05-15');
const PHOTO_V2_PREFIX = 'photo.v2';

/**
 * R3.4 Labels whose free trial is granted at activation. A label whose code starts with
 * 'photo.v2' is only granted to accounts activated on or after 2024-05-15 00:00 CST.
 */
export function freeTrialLabels(labels: readonly BillingLabel[], activatedAt: Date): BillingLabel[] {
  return labels.filter(
    (l) =>
      l.trialRule === 'activation' &&
      l.trialCalls > 0 &&
      (!l.code.startsWith(PHOTO_V2_PREFIX) || activatedAt.getTime() >= PHOTO_V2_TRIAL_FROM.getTime()),
  );
}

/** R3.4 Labels whose trial is granted when the account's first eID merchant ID is approved. */
export function eidTrialLabels(labels: readonly BillingLabel[]): BillingLabel[] {
  return labels.filter((l) => l.trialRule === 'eid' && l.trialCalls > 0);
}

/** Lookup by code. */
export function labelsByCode(labels: readonly BillingLabel[]): ReadonlyMap<string, BillingLabel> {
  return new Map(labels.map((l) => [l.code, l]));
}
