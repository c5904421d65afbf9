import type { BillingLabel } from './catalog.ts';
import { DomainError } from './errors.ts';
import { type Money, mulCount, ZERO } from './money.ts';
import { priceLine } from './settlement.ts';

/**
 * Pack planner (issue 9): the cheapest way to buy a label's expected calls, as packs (R3) and
 * postpaid (R4.4), exact in bigint money (R1.2). Pure: the catalog entry and the forecast come in.
 *
 * Model (docs/decisions/0007-advice.md):
 *  - R3.2 a pack is valid for one year, so a horizon is cut into 12-month windows; the packs of a
 *    window are bought at its start and cover that window's calls only (unused calls expire).
 *  - R4.2 packs are deducted before postpaid: within a window, packs of total size S cover
 *    min(calls, S) calls and the rest is postpaid at the label's unit price.
 *  - The postpaid part of a window is priced as one line, rounded half-up to the cent (R5.1). Real
 *    settlement rounds per day and resource, so this is an estimate within a cent per line.
 */

/** The customer's forecast: a total for one year, or calls per month for the next N ≤ 24 months. */
export type PlanForecast = { kind: 'year'; calls: number } | { kind: 'months'; months: readonly number[] };

/** At most this many months may be typed in (two windows of 12). */
export const MAX_PLAN_MONTHS = 24;
/** Months per validity window (R3.2: one year). */
export const WINDOW_MONTHS = 12;
/** Guard for the dynamic programme: states (calls / gcd of tier sizes) per window. */
export const MAX_PLAN_STATES = 2_000_000;

export interface PackQuantity {
  size: number;
  quantity: number;
}

export interface PlanLine extends PackQuantity {
  /** Price of one pack. */
  unitPrice: Money;
  /** quantity × unitPrice. */
  amount: Money;
}

/** A priced mix of packs and postpaid for a number of calls. */
export interface Plan {
  /** Pack lines, largest size first; quantities > 0. */
  packs: PlanLine[];
  packCount: number;
  calls: number;
  /** Calls the packs take (R4.2 packs first). */
  packCalls: number;
  /** Calls left to postpaid. */
  postpaidCalls: number;
  /** Pack calls bought but not needed: they expire unused (R3.2). */
  unusedCalls: number;
  packsAmount: Money;
  postpaidAmount: Money;
  total: Money;
}

export type PlanStrategy = 'best' | 'allPostpaid' | 'byHand' | 'greedy' | 'tierPlusPostpaid' | 'fewestPacks';

/** The strategies shown next to the optimum, in display order. */
export const ALTERNATIVE_STRATEGIES = ['byHand', 'greedy', 'tierPlusPostpaid', 'fewestPacks'] as const;
export type AlternativeStrategy = (typeof ALTERNATIVE_STRATEGIES)[number];

export interface PlanWindow {
  /** 0-based window number; window i starts i × 12 months from now. */
  index: number;
  /** 0-based offsets of the window's first and last month in the forecast (year forecasts: 0..11). */
  firstMonth: number;
  lastMonth: number;
  calls: number;
  best: Plan;
  allPostpaid: Plan;
  alternatives: Record<AlternativeStrategy, Plan>;
}

export interface PlanAlternative {
  strategy: AlternativeStrategy;
  plan: Plan;
  /** allPostpaid.total − plan.total (negative: costs more than postpaid). */
  saving: Money;
}

export interface PlanResult {
  label: string;
  calls: number;
  windows: PlanWindow[];
  /** The sums over all windows; pack lines merged by size. */
  best: Plan;
  allPostpaid: Plan;
  saving: Money;
  alternatives: PlanAlternative[];
}

const invalid = (message: string, details?: Record<string, unknown>) =>
  new DomainError('INVALID_PLAN', message, details);

function checkCalls(calls: number, what = 'calls'): void {
  if (!Number.isSafeInteger(calls) || calls < 0) throw invalid(`${what} must be a non-negative integer`, { calls });
}

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** The label's tiers, sizes ascending, each size once (the cheapest price if a size repeats). */
function tiersOf(label: BillingLabel): { size: number; price: Money }[] {
  const bySize = new Map<number, Money>();
  for (const t of label.tiers) {
    if (!Number.isSafeInteger(t.size) || t.size <= 0) throw invalid('pack size must be a positive integer');
    const seen = bySize.get(t.size);
    if (seen === undefined || t.price < seen) bySize.set(t.size, t.price);
  }
  return [...bySize.entries()].sort((a, b) => a[0] - b[0]).map(([size, price]) => ({ size, price }));
}

/**
 * Prices a mix of packs for `calls` calls: packs first, postpaid for the rest (R4.2, R4.4), the
 * postpaid part as one line rounded half-up to the cent (R5.1). Sizes must be tiers of the label.
 */
export function priceMix(label: BillingLabel, calls: number, mix: readonly PackQuantity[]): Plan {
  checkCalls(calls);
  const tiers = new Map(tiersOf(label).map((t) => [t.size, t.price]));
  const merged = new Map<number, number>();
  for (const m of mix) {
    if (!Number.isSafeInteger(m.quantity) || m.quantity < 0) throw invalid('quantity must be a non-negative integer');
    if (m.quantity === 0) continue;
    if (!tiers.has(m.size)) {
      throw new DomainError('UNKNOWN_TIER', `${label.code} has no ${m.size}-call pack`, {
        label: label.code,
        size: m.size,
      });
    }
    merged.set(m.size, (merged.get(m.size) ?? 0) + m.quantity);
  }
  const packs: PlanLine[] = [...merged.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([size, quantity]) => {
      const unitPrice = tiers.get(size) ?? ZERO;
      return { size, quantity, unitPrice, amount: mulCount(unitPrice, quantity) };
    });
  const capacity = packs.reduce((s, p) => s + p.size * p.quantity, 0);
  const packCalls = Math.min(calls, capacity);
  const postpaidCalls = calls - packCalls;
  const packsAmount = packs.reduce((s, p) => s + p.amount, ZERO);
  const postpaidAmount = priceLine(label.unitPrice, postpaidCalls);
  return {
    packs,
    packCount: packs.reduce((s, p) => s + p.quantity, 0),
    calls,
    packCalls,
    postpaidCalls,
    unusedCalls: capacity - packCalls,
    packsAmount,
    postpaidAmount,
    total: packsAmount + postpaidAmount,
  };
}

/**
 * Unbounded knapsack over pack capacity in units of g = gcd(tier sizes): for every capacity k·g,
 * the cheapest multiset of packs of exactly that capacity (ties: fewer packs), or, in 'fewest'
 * mode, the fewest packs (ties: cheaper). Returns the table and the tier chosen last per state.
 */
function knapsack(
  tiers: readonly { size: number; price: Money }[],
  g: number,
  maxUnits: number,
  mode: 'cheapest' | 'fewest',
): { cost: (bigint | null)[]; count: number[]; last: number[] } {
  const cost: (bigint | null)[] = new Array(maxUnits + 1).fill(null);
  const count: number[] = new Array(maxUnits + 1).fill(0);
  const last: number[] = new Array(maxUnits + 1).fill(-1);
  cost[0] = ZERO;
  const units = tiers.map((t) => t.size / g);
  for (let k = 1; k <= maxUnits; k++) {
    for (let i = 0; i < tiers.length; i++) {
      const u = units[i] ?? 0;
      if (u > k) continue;
      const prev = cost[k - u];
      if (prev === null || prev === undefined) continue;
      const c = prev + (tiers[i]?.price ?? ZERO);
      const n = (count[k - u] ?? 0) + 1;
      const cur = cost[k];
      const better =
        cur === null || cur === undefined
          ? true
          : mode === 'cheapest'
            ? c < cur || (c === cur && n < (count[k] ?? 0))
            : n < (count[k] ?? 0) || (n === (count[k] ?? 0) && c < cur);
      if (better) {
        cost[k] = c;
        count[k] = n;
        last[k] = i;
      }
    }
  }
  return { cost, count, last };
}

function rebuild(tiers: readonly { size: number }[], g: number, last: readonly number[], k: number): PackQuantity[] {
  const q = new Map<number, number>();
  let at = k;
  while (at > 0) {
    const i = last[at] ?? -1;
    const t = tiers[i];
    if (t === undefined) throw new Error('planner: broken knapsack chain');
    q.set(t.size, (q.get(t.size) ?? 0) + 1);
    at -= t.size / g;
  }
  return [...q.entries()].map(([size, quantity]) => ({ size, quantity }));
}

function stateBound(tiers: readonly { size: number }[], calls: number): { g: number; maxUnits: number } {
  const g = tiers.reduce((acc, t) => gcd(acc, t.size), 0);
  const largest = tiers[tiers.length - 1]?.size ?? 0;
  // A mix that covers `calls` and stays minimal (drop any pack and it no longer covers) holds less
  // than calls + largest; anything bigger only adds expiring calls, so the search stops there.
  const maxUnits = Math.floor((calls + largest - 1) / g);
  if (maxUnits > MAX_PLAN_STATES) {
    throw invalid('too many calls to plan exactly with these tiers', { calls, states: maxUnits });
  }
  return { g, maxUnits };
}

/**
 * The cheapest mix of tiers (any quantities) and postpaid for `calls` calls in one validity window.
 * Exact: it tries every pack capacity k·g up to the bound and prices the postpaid rest, in bigint.
 * Ties: fewer packs, then fewer postpaid calls.
 */
export function cheapestMix(label: BillingLabel, calls: number): Plan {
  checkCalls(calls);
  const tiers = tiersOf(label);
  if (tiers.length === 0 || calls === 0) return priceMix(label, calls, []);
  const { g, maxUnits } = stateBound(tiers, calls);
  const { cost, count, last } = knapsack(tiers, g, maxUnits, 'cheapest');
  let bestK = 0;
  let bestCost: bigint | null = null;
  let bestCount = 0;
  for (let k = 0; k <= maxUnits; k++) {
    const c = cost[k];
    if (c === null || c === undefined) continue;
    const rest = Math.max(0, calls - k * g);
    // Compare exact totals; rounding the postpaid line is monotone, so the order is kept.
    const total = c + mulCount(label.unitPrice, rest);
    const n = count[k] ?? 0;
    if (bestCost === null || total < bestCost || (total === bestCost && n < bestCount)) {
      bestCost = total;
      bestK = k;
      bestCount = n;
    }
  }
  return priceMix(label, calls, rebuild(tiers, g, last, bestK));
}

/** All calls postpaid (R4.4). */
export function allPostpaidMix(label: BillingLabel, calls: number): Plan {
  return priceMix(label, calls, []);
}

/**
 * "What you would buy by hand": the smallest single tier that covers the calls; above the largest
 * tier, as many of the largest as cover them.
 */
export function byHandMix(label: BillingLabel, calls: number): Plan {
  checkCalls(calls);
  const tiers = tiersOf(label);
  const largest = tiers[tiers.length - 1];
  if (calls === 0 || largest === undefined) return priceMix(label, calls, []);
  const single = tiers.find((t) => t.size >= calls);
  if (single) return priceMix(label, calls, [{ size: single.size, quantity: 1 }]);
  return priceMix(label, calls, [{ size: largest.size, quantity: Math.ceil(calls / largest.size) }]);
}

/** Largest tier first, as many as fit, then the next; what no tier fits goes postpaid. */
export function greedyMix(label: BillingLabel, calls: number): Plan {
  checkCalls(calls);
  let rest = calls;
  const mix: PackQuantity[] = [];
  for (const t of [...tiersOf(label)].reverse()) {
    const q = Math.floor(rest / t.size);
    if (q > 0) mix.push({ size: t.size, quantity: q });
    rest -= q * t.size;
  }
  return priceMix(label, calls, mix);
}

/**
 * One tier plus postpaid, as in the rule book's R5.4 example (a 10,000 pack and 5,000 postpaid):
 * the largest tier not above the calls, as many as fit, the rest postpaid.
 */
export function tierPlusPostpaidMix(label: BillingLabel, calls: number): Plan {
  checkCalls(calls);
  const fit = tiersOf(label).filter((t) => t.size <= calls);
  const t = fit[fit.length - 1];
  if (t === undefined) return priceMix(label, calls, []);
  return priceMix(label, calls, [{ size: t.size, quantity: Math.floor(calls / t.size) }]);
}

/** The fewest packs that cover every call (no postpaid); the cheapest of those. */
export function fewestPacksMix(label: BillingLabel, calls: number): Plan {
  checkCalls(calls);
  const tiers = tiersOf(label);
  if (tiers.length === 0 || calls === 0) return priceMix(label, calls, []);
  const { g, maxUnits } = stateBound(tiers, calls);
  const { cost, count, last } = knapsack(tiers, g, maxUnits, 'fewest');
  let bestK = -1;
  for (let k = Math.ceil(calls / g); k <= maxUnits; k++) {
    const c = cost[k];
    if (c === null || c === undefined) continue;
    const b = cost[bestK];
    if (
      bestK < 0 ||
      b === null ||
      b === undefined ||
      (count[k] ?? 0) < (count[bestK] ?? 0) ||
      ((count[k] ?? 0) === (count[bestK] ?? 0) && c < b)
    ) {
      bestK = k;
    }
  }
  // The largest tier alone always reaches the bound, so a covering state exists.
  return priceMix(label, calls, bestK < 0 ? [] : rebuild(tiers, g, last, bestK));
}

const STRATEGY: Record<AlternativeStrategy, (label: BillingLabel, calls: number) => Plan> = {
  byHand: byHandMix,
  greedy: greedyMix,
  tierPlusPostpaid: tierPlusPostpaidMix,
  fewestPacks: fewestPacksMix,
};

/** Cuts a forecast into validity windows (R3.2): a year forecast is one window. */
export function planWindows(forecast: PlanForecast): { firstMonth: number; lastMonth: number; calls: number }[] {
  switch (forecast.kind) {
    case 'year':
      checkCalls(forecast.calls);
      return [{ firstMonth: 0, lastMonth: WINDOW_MONTHS - 1, calls: forecast.calls }];
    case 'months': {
      const m = forecast.months;
      if (m.length === 0 || m.length > MAX_PLAN_MONTHS) {
        throw invalid(`give calls for 1 to ${MAX_PLAN_MONTHS} months`, { months: m.length });
      }
      for (const [i, c] of m.entries()) checkCalls(c, `month ${i + 1}`);
      const out: { firstMonth: number; lastMonth: number; calls: number }[] = [];
      for (let first = 0; first < m.length; first += WINDOW_MONTHS) {
        const slice = m.slice(first, first + WINDOW_MONTHS);
        out.push({ firstMonth: first, lastMonth: first + slice.length - 1, calls: slice.reduce((a, b) => a + b, 0) });
      }
      return out;
    }
    default: {
      const never: never = forecast;
      throw invalid(`unknown forecast ${String(never)}`);
    }
  }
}

/** Adds up window plans: pack lines merged by size, counts and money summed. */
export function sumPlans(plans: readonly Plan[]): Plan {
  const lines = new Map<number, PlanLine>();
  for (const p of plans) {
    for (const l of p.packs) {
      const seen = lines.get(l.size);
      lines.set(
        l.size,
        seen ? { ...seen, quantity: seen.quantity + l.quantity, amount: seen.amount + l.amount } : { ...l },
      );
    }
  }
  const sum = (f: (p: Plan) => number) => plans.reduce((s, p) => s + f(p), 0);
  const sumM = (f: (p: Plan) => Money) => plans.reduce((s, p) => s + f(p), ZERO);
  return {
    packs: [...lines.values()].sort((a, b) => b.size - a.size),
    packCount: sum((p) => p.packCount),
    calls: sum((p) => p.calls),
    packCalls: sum((p) => p.packCalls),
    postpaidCalls: sum((p) => p.postpaidCalls),
    unusedCalls: sum((p) => p.unusedCalls),
    packsAmount: sumM((p) => p.packsAmount),
    postpaidAmount: sumM((p) => p.postpaidAmount),
    total: sumM((p) => p.total),
  };
}

/**
 * The planner: per 12-month window the cheapest mix (R3.2 validity, R4.2 packs first), next to all
 * postpaid and the hand-made alternatives, each with its saving against all postpaid.
 */
export function planPurchases(label: BillingLabel, forecast: PlanForecast): PlanResult {
  const windows: PlanWindow[] = planWindows(forecast).map((w, index) => ({
    index,
    ...w,
    best: cheapestMix(label, w.calls),
    allPostpaid: allPostpaidMix(label, w.calls),
    alternatives: {
      byHand: STRATEGY.byHand(label, w.calls),
      greedy: STRATEGY.greedy(label, w.calls),
      tierPlusPostpaid: STRATEGY.tierPlusPostpaid(label, w.calls),
      fewestPacks: STRATEGY.fewestPacks(label, w.calls),
    },
  }));
  const best = sumPlans(windows.map((w) => w.best));
  const allPostpaid = sumPlans(windows.map((w) => w.allPostpaid));
  return {
    label: label.code,
    calls: best.calls,
    windows,
    best,
    allPostpaid,
    saving: allPostpaid.total - best.total,
    alternatives: ALTERNATIVE_STRATEGIES.map((strategy) => {
      const plan = sumPlans(windows.map((w) => w.alternatives[strategy]));
      return { strategy, plan, saving: allPostpaid.total - plan.total };
    }),
  };
}

/** saving / reference in percent with 2 decimals, half away from zero ("6.67"); "0.00" if reference is 0. */
export function percentOf(saving: Money, reference: Money): string {
  if (reference <= ZERO) return '0.00';
  const neg = saving < ZERO;
  const a = neg ? -saving : saving;
  const bp = (a * 20_000n + reference) / (2n * reference);
  return `${neg && bp > 0n ? '-' : ''}${bp / 100n}.${(bp % 100n).toString().padStart(2, '0')}`;
}
