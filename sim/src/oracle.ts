/**
 * The simulator's rule oracle: a plain, independent model of R2–R8 as the rule book states them
 * (../shared/docs/domain.md). It deliberately does NOT import the BFF's or billing's deduction,
 * coverage, settlement or refund code: only the catalog's data (labels, prices, tiers, trial calls)
 * is shared. Money is bigint in 1/10000 CNY; times are epoch milliseconds; days are CST dates.
 */

export const U = 10_000n; // 1 CNY in money units
const HOUR = 3_600_000;
export const DAY = 86_400_000;
const CST = 8 * HOUR;

// ---- money ---------------------------------------------------------------------------------------
export function money(s: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d{1,4}))?$/.exec(s.trim());
  if (!m) throw new Error(`not a money string: ${s}`);
  const v = BigInt(m[2] ?? '0') * U + BigInt(`${m[3] ?? ''}0000`.slice(0, 4));
  return m[1] === '-' ? -v : v;
}
export function fmt(v: bigint): string {
  const neg = v < 0n;
  const a = neg ? -v : v;
  const frac = (a % U).toString().padStart(4, '0');
  return `${neg ? '-' : ''}${a / U}.${frac}`;
}
/** The smaller of two amounts (Math.min takes no bigint). */
export const minB = (a: bigint, b: bigint): bigint => (a < b ? a : b);
/** R5.1 half-up to 0.01 (amounts here are never negative). */
export function halfUpCents(v: bigint): bigint {
  return ((v + 50n) / 100n) * 100n;
}

// ---- time ----------------------------------------------------------------------------------------
export const cstDay = (ms: number): string => new Date(ms + CST).toISOString().slice(0, 10);
export const dayStart = (day: string): number => Date.parse(`${day}T00:00:00+08:00`);
export const addDay = (day: string, n: number): string => cstDay(dayStart(day) + n * DAY + HOUR);
export const iso = (ms: number): string => {
  const w = new Date(ms + CST).toISOString();
  return `${w.slice(0, 23)}+08:00`;
};
/** The next 08:00 CST strictly after `ms`. */
export function next0800(ms: number): number {
  const d = cstDay(ms);
  const today = dayStart(d) + 8 * HOUR;
  return today > ms ? today : dayStart(addDay(d, 1)) + 8 * HOUR;
}
function plusOneYearSameWall(ms: number): number {
  const w = new Date(ms + CST);
  const y = w.getUTCFullYear() + 1;
  const mo = w.getUTCMonth();
  let d = w.getUTCDate();
  if (mo === 1 && d === 29) d = 28; // 29 Feb → 28 Feb
  return Date.UTC(y, mo, d, w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds(), w.getUTCMilliseconds()) - CST;
}
/** R3.2 purchased: 23:59:59 CST on the same date one year after delivery. */
export function purchasedExpiry(deliveredMs: number): number {
  const sameDate = plusOneYearSameWall(dayStart(cstDay(deliveredMs)));
  return dayStart(cstDay(sameDate)) + DAY - 1;
}
/** R3.2 gift: exactly one year after the grant. */
export const giftExpiry = (grantedMs: number): number => plusOneYearSameWall(grantedMs);
/** R8.1 open through D+7 23:59:59 CST. */
export const refundDeadline = (deliveredMs: number): number => dayStart(addDay(cstDay(deliveredMs), 8)) - 1;

// ---- catalog -------------------------------------------------------------------------------------
export interface Label {
  code: string;
  product: string;
  price: bigint;
  tiers: { size: number; price: bigint }[];
  trial: string; // '0', '100', '100*', '100**'
}

export function parseCatalog(tsv: string): Map<string, Label> {
  const out = new Map<string, Label>();
  for (const line of tsv.split('\n').slice(1)) {
    if (!line.trim()) continue;
    const c = line.split('\t');
    const code = c[0] ?? '';
    out.set(code, {
      code,
      product: c[1] ?? '',
      price: money(c[4] ?? '0'),
      tiers: (c[5] ?? '')
        .split(',')
        .filter(Boolean)
        .map((t) => {
          const [size, price] = t.split(':');
          return { size: Number(size), price: money(price ?? '0') };
        }),
      trial: (c[6] ?? '0').trim(),
    });
  }
  return out;
}

// ---- the model -----------------------------------------------------------------------------------
export type Source = 'gift' | 'purchase';
export type PackStatus = 'active' | 'exhausted' | 'expired' | 'refunded';
export type AccountStatus = 'active' | 'arrears' | 'suspended' | 'released';
export type Outcome = 'pack' | 'postpaid' | 'free' | 'rejected' | 'duplicate';
const BILLABLE = new Set(['success', 'compare_mismatch', 'liveness_failed']);

export interface OPack {
  /** Local key: the tenant's n-th pack (stable across runs; server ids are not). */
  key: number;
  serverId: string | null;
  label: string;
  source: Source;
  total: number;
  used: number;
  acquiredAt: number;
  expiresAt: number;
  refunded: boolean;
  orderKey: number | null;
  refusedReason: string | null;
}
export interface OEvent {
  id: string;
  label: string;
  resourceId: string;
  result: string;
  at: number;
  outcome: Exclude<Outcome, 'duplicate'>;
  packKey: number | null;
  /** For rejections: every code the rule book allows (it does not rank them). */
  codes: string[];
}
export interface OOrder {
  key: number;
  serverId: string;
  label: string;
  size: number;
  quantity: number;
  amount: bigint;
  paid: { gift: bigint; income: bigint; cash: bigint; voucher: bigint };
  packKeys: number[];
  refunded: { gift: bigint; income: bigint; cash: bigint }[];
  /** When it was placed (model clock) and whether an auto top-up rule placed it (R10.2). */
  at: number;
  auto: boolean;
}
/** A notice the rule book says is sent (R6.1–R6.4, R10.1, R10.2): its kind, time and what its text must say. */
export interface ONotice {
  kind: string;
  at: number;
  contains: string[];
}
/** R10.2 the label's auto top-up rule and its crossing latch. */
export interface ORule {
  label: string;
  enabled: boolean;
  belowCalls: number;
  size: number;
  quantity: number;
  monthlyLimit: number;
  armed: boolean;
}
/** R10.1 a monthly budget (whole account, or one label). */
export interface OBudget {
  serverId: string;
  amount: bigint;
  label: string | null;
  thresholds: number[];
  /** `month:threshold` lines whose budget_threshold notice must have been sent (spent reached it when evaluated). */
  alerted: Set<string>;
  /** `month:threshold` lines spent reached at any time (a notice for any other line is wrong). */
  reached: Set<string>;
  deleted: boolean;
}
export interface OCharge {
  day: string;
  label: string;
  resourceId: string;
  quantity: number;
  amount: bigint;
}

export interface Model {
  activatedAt: number;
  /** R5.2 activated before 2023-01-04 00:00 CST: settled monthly. */
  monthly: boolean;
  now: number;
  cash: bigint;
  income: bigint;
  gift: bigint;
  status: AccountStatus;
  arrearsSince: number | null;
  suspendedAt: number | null;
  settledThrough: string | null;
  postpaid: boolean;
  violation: boolean;
  trialGranted: boolean;
  resources: string[];
  packs: OPack[];
  events: Map<string, OEvent>;
  /** The events of each CST day (settlement and R4.3 coverage read one day). */
  byDay: Map<string, OEvent[]>;
  /** Events, settlement charges stored before the model began (a rich tenant's history). */
  eventsBase: number;
  chargesBase: bigint;
  orders: OOrder[];
  charges: OCharge[];
  rechargedTotal: bigint;
  /** R8 refunds as the bills count them (negative rows of the month they happened in). */
  refunds: { at: number; label: string; amount: bigint }[];
  notices: ONotice[];
  rule: ORule | null;
  budgets: OBudget[];
}

export interface Rules {
  labels: Map<string, Label>;
  trialDelayMs: number;
  skewMs: number;
  releaseAfterMs: number;
}

export const LEGACY_BEFORE = Date.parse('2023-01-04T00:00:00+08:00');
const nextMonthFirst = (month: string): string => {
  const [y, mo] = month.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
};

export function newModel(activatedAt: number, resources: string[]): Model {
  return {
    activatedAt,
    monthly: activatedAt < LEGACY_BEFORE,
    now: activatedAt,
    cash: 0n,
    income: 0n,
    gift: 0n,
    status: 'active',
    arrearsSince: null,
    suspendedAt: null,
    settledThrough: null,
    postpaid: true,
    violation: false,
    trialGranted: false,
    resources,
    packs: [],
    events: new Map(),
    byDay: new Map(),
    eventsBase: 0,
    chargesBase: 0n,
    orders: [],
    charges: [],
    rechargedTotal: 0n,
    refunds: [],
    notices: [],
    rule: null,
    budgets: [],
  };
}

export const available = (m: Model): bigint => m.cash + m.income + m.gift;
const serves = (s: AccountStatus) => s === 'active' || s === 'arrears';

/** R4.2 + R4.3: a pack is valid for calls from 00:00 CST of its delivery day through its expiry. */
function packTakes(p: OPack, label: string, at: number): boolean {
  return (
    !p.refunded && p.label === label && p.used < p.total && dayStart(cstDay(p.acquiredAt)) <= at && at <= p.expiresAt
  );
}
/** R4.2 order: gift first, earliest expiry, earliest acquired, lowest id. */
function before(a: OPack, b: OPack): boolean {
  if (a.source !== b.source) return a.source === 'gift';
  if (a.expiresAt !== b.expiresAt) return a.expiresAt < b.expiresAt;
  if (a.acquiredAt !== b.acquiredAt) return a.acquiredAt < b.acquiredAt;
  const ai = BigInt(a.serverId ?? '0');
  const bi = BigInt(b.serverId ?? '0');
  if (ai !== bi) return ai < bi;
  return a.key < b.key;
}
function pick(m: Model, label: string, at: number, among?: OPack[]): OPack | undefined {
  let best: OPack | undefined;
  // R4.2 "only `active` packs": a pack past its expiry when the call is processed is `expired`, even for a
  // late call dated before the expiry (the clock's expiry job has marked it by then).
  for (const p of among ?? m.packs)
    if (m.now <= p.expiresAt && packTakes(p, label, at) && (!best || before(p, best))) best = p;
  return best;
}

export interface InEvent {
  id: string;
  label: string;
  resourceId: string;
  result: string;
  occurredAt: string;
}
export interface Expected {
  id: string;
  outcome: Outcome;
  packKey: number | null;
  codes: string[];
}

/** R4.1–R4.7 one batch at the model's now. */
/** Text PostgreSQL cannot hold as written (the rule book's storage limits, decision 0009). */
function unstorable(v: string, max: number): boolean {
  if (v.length > max || v.includes('\u0000')) return true;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = v.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return true;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

export function ingest(m: Model, r: Rules, batch: readonly InEvent[]): Expected[] {
  const out: Expected[] = [];
  const inBatch = new Set<string>();
  for (const e of batch) {
    // Issue 14 (decision 0009): an event whose text cannot be stored (NUL, a lone surrogate, an id over
    // 128 or a label/resource over 100 characters) is refused alone and never stored: no duplicate of
    // anything, and a resend is refused again.
    if (unstorable(e.id, 128) || unstorable(e.label, 100) || unstorable(e.resourceId, 100)) {
      out.push({ id: e.id, outcome: 'rejected', packKey: null, codes: ['INVALID_EVENT'] });
      continue;
    }
    if (m.events.has(e.id) || inBatch.has(e.id)) {
      out.push({ id: e.id, outcome: 'duplicate', packKey: null, codes: [] });
      continue;
    }
    inBatch.add(e.id);
    const at = Date.parse(e.occurredAt);
    const codes: string[] = [];
    if (!r.labels.has(e.label)) codes.push('UNKNOWN_LABEL');
    if (!m.resources.includes(e.resourceId)) codes.push('UNKNOWN_RESOURCE');
    if (at > m.now + r.skewMs) codes.push('FUTURE_EVENT'); // R4.6
    // R4.6; a day before the activation day is never billed (settlement starts there, R5.1): closed too.
    const closedThrough = m.settledThrough ?? addDay(cstDay(m.activatedAt), -1);
    if (cstDay(at) <= closedThrough) codes.push('DAY_SETTLED');
    if (!serves(m.status)) codes.push('ACCOUNT_SUSPENDED'); // R4.5
    let ev: OEvent;
    if (codes.length > 0) {
      ev = { ...base(e, at), outcome: 'rejected', packKey: null, codes };
    } else if (!BILLABLE.has(e.result)) {
      ev = { ...base(e, at), outcome: 'free', packKey: null, codes: [] }; // R1.4
    } else {
      const p = pick(m, e.label, at);
      if (p) {
        p.used += 1;
        ev = { ...base(e, at), outcome: 'pack', packKey: p.key, codes: [] };
      } else if (m.postpaid) {
        ev = { ...base(e, at), outcome: 'postpaid', packKey: null, codes: [] }; // R4.4
      } else {
        ev = { ...base(e, at), outcome: 'rejected', packKey: null, codes: ['NO_QUOTA'] };
      }
    }
    addEvent(m, ev);
    out.push({ id: e.id, outcome: ev.outcome, packKey: ev.packKey, codes: ev.codes });
  }
  return out;
}
export function addEvent(m: Model, ev: OEvent): void {
  m.events.set(ev.id, ev);
  const d = cstDay(ev.at);
  const list = m.byDay.get(d);
  if (list) list.push(ev);
  else m.byDay.set(d, [ev]);
}
const base = (e: InEvent, at: number) => ({ id: e.id, label: e.label, resourceId: e.resourceId, result: e.result, at });

/**
 * R4.3 on delivery: the day's postpaid calls of the label (unsettled) move onto the new packs, in
 * time order (then id: our tie-break, the rule book names none), each to the first new pack in R4.2
 * order, as far as they reach. Returns the ids moved.
 */
function coverOnDelivery(m: Model, fresh: OPack[], at: number): string[] {
  const day = cstDay(at);
  if (m.settledThrough !== null && day <= m.settledThrough) return [];
  const label = fresh[0]?.label;
  const calls = (m.byDay.get(day) ?? [])
    .filter((e) => e.outcome === 'postpaid' && e.label === label && cstDay(e.at) === day)
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const moved: string[] = [];
  for (const e of calls) {
    const p = pick(m, e.label, e.at, fresh);
    if (!p) continue;
    p.used += 1;
    e.outcome = 'pack';
    e.packKey = p.key;
    moved.push(e.id);
  }
  return moved;
}

export type OrderResult =
  | { ok: true; amount: bigint; packKeys: number[]; moved: string[] }
  | { ok: false; status: number; code: string };

/** R2.3, R3.2, R3.3, R4.3. `serverIds` are learnt from the answer (the model needs them for R4.2 ties). */
export function placeOrder(
  m: Model,
  r: Rules,
  o: {
    label: string;
    size: number;
    quantity: number;
    serverOrderId: string;
    serverPackIds: string[];
    auto?: boolean;
  },
): OrderResult {
  const label = r.labels.get(o.label);
  const tier = label?.tiers.find((t) => t.size === o.size);
  if (!label || !tier) return { ok: false, status: 400, code: 'UNKNOWN_TIER' };
  const amount = tier.price * BigInt(o.quantity);
  const pos = (v: bigint) => (v > 0n ? v : 0n);
  if (pos(m.gift) + pos(m.income) + pos(m.cash) < amount)
    return { ok: false, status: 402, code: 'INSUFFICIENT_BALANCE' };
  let rest = amount;
  const take = (bal: bigint) => {
    const t = pos(bal) < rest ? pos(bal) : rest;
    rest -= t;
    return t;
  };
  const gift = take(m.gift);
  const income = take(m.income);
  const cash = take(m.cash);
  m.gift -= gift;
  m.income -= income;
  m.cash -= cash;
  const fresh: OPack[] = [];
  const orderKey = m.orders.length;
  for (let i = 0; i < o.quantity; i++) {
    const p: OPack = {
      key: m.packs.length,
      serverId: o.serverPackIds[i] ?? null,
      label: o.label,
      source: 'purchase',
      total: o.size,
      used: 0,
      acquiredAt: m.now,
      expiresAt: purchasedExpiry(m.now),
      refunded: false,
      orderKey,
      refusedReason: null,
    };
    m.packs.push(p);
    fresh.push(p);
  }
  m.orders.push({
    key: orderKey,
    serverId: o.serverOrderId,
    label: o.label,
    size: o.size,
    quantity: o.quantity,
    amount,
    paid: { gift, income, cash, voucher: 0n },
    packKeys: fresh.map((p) => p.key),
    refunded: [],
    at: m.now,
    auto: o.auto === true,
  });
  const moved = coverOnDelivery(m, fresh, m.now);
  // R10.2 a delivery that lifts the label back to the rule's N re-arms it: the next drop is a new crossing.
  if (m.rule && m.rule.label === o.label && remainingCalls(m, o.label) >= m.rule.belowCalls) m.rule.armed = true;
  return { ok: true, amount, packKeys: fresh.map((p) => p.key), moved };
}

/** R8.1, R8.2, R8.5: every block that applies (the rule book does not rank them). */
export function refundBlocks(m: Model, p: OPack): string[] {
  const b: string[] = [];
  if (p.refunded) b.push('ALREADY_REFUNDED');
  if (p.source === 'gift') b.push('NOT_REFUNDABLE_GIFT');
  if (m.violation) b.push('ACCOUNT_VIOLATION');
  if (p.used > 0) b.push('PACK_PARTIALLY_USED');
  if (p.source === 'gift' || m.now > refundDeadline(p.acquiredAt)) b.push('REFUND_WINDOW_CLOSED');
  if (p.refusedReason !== null) b.push('REFUND_REFUSED');
  return b;
}

/**
 * R8.3 bounds of one pack's share of its order per balance: between floor and ceil of paid/quantity
 * (in cents), so that the N parts can add up exactly. Returns an error text or null.
 */
export function checkRefundShare(
  o: OOrder,
  got: { gift: bigint; income: bigint; cash: bigint },
  afterAll: boolean,
): string | null {
  for (const k of ['gift', 'income', 'cash'] as const) {
    const paid = o.paid[k];
    const q = BigInt(o.quantity);
    const lo = (paid / 100n / q) * 100n;
    const hi = lo + 100n;
    if (got[k] < lo || got[k] > hi)
      return `refund ${k} ${fmt(got[k])} outside [${fmt(lo)}, ${fmt(hi)}] of ${fmt(paid)}/${o.quantity}`;
  }
  if (afterAll) {
    for (const k of ['gift', 'income', 'cash'] as const) {
      const sum = o.refunded.reduce((a, x) => a + x[k], 0n);
      if (sum !== o.paid[k])
        return `R8.3 refunds of order ${o.serverId} return ${fmt(sum)} ${k}, paid ${fmt(o.paid[k])}`;
    }
  }
  return null;
}

export function applyRefund(m: Model, p: OPack, got: { gift: bigint; income: bigint; cash: bigint }): void {
  p.refunded = true;
  m.refunds.push({ at: m.now, label: p.label, amount: got.gift + got.income + got.cash });
  m.gift += got.gift;
  m.income += got.income;
  m.cash += got.cash;
  const o = p.orderKey === null ? undefined : m.orders[p.orderKey];
  o?.refunded.push(got);
}

/** R2.1, R6.3 recharge to cash; back to active when the available balance is ≥ 0 (not from released). */
export function recharge(m: Model, amount: bigint): void {
  m.cash += amount;
  m.rechargedTotal += amount;
  if ((m.status === 'arrears' || m.status === 'suspended') && available(m) >= 0n) {
    m.status = 'active';
    m.arrearsSince = null;
    m.suspendedAt = null;
    m.notices.push({ kind: 'service_resumed', at: m.now, contains: [] }); // R6.3
  }
}

/**
 * What the clock passes, stop by stop (each 08:00 and the target), as real time would. A move that
 * injects usage also stops when a pack of an injected label that can still take calls expires: the
 * calls made before the expiry reach the pack while it is active, as they would in real time.
 */
export function advance(
  m: Model,
  r: Rules,
  target: number,
  /** R9.3 usage injected by the move: the calls of the stretch ending at `stop`, ingested at `stop` before its jobs. */
  inject?: (from: number, stop: number) => InEvent[],
  injectLabels: ReadonlySet<string> = new Set(),
): { trialAt: number | null; injected: Expected[] } {
  let trialAt: number | null = null;
  const injected: Expected[] = [];
  while (m.now < target) {
    let stop = Math.min(next0800(m.now), target);
    if (inject)
      for (const p of m.packs)
        if (!p.refunded && p.used < p.total && injectLabels.has(p.label) && p.expiresAt > m.now && p.expiresAt < stop)
          stop = p.expiresAt;
    const from = m.now;
    m.now = stop;
    if (inject) {
      const batch = inject(from, stop);
      for (let i = 0; i < batch.length; i += 1000) {
        const part = batch.slice(i, i + 1000);
        injected.push(...ingest(m, r, part));
        applyAutoTopup(m, r, part);
      }
    }
    // R3.4 free trial, dated at its due time; R4.3 coverage of that day.
    const due = m.activatedAt + r.trialDelayMs;
    if (!m.trialGranted && due <= stop) {
      m.trialGranted = true;
      trialAt = due;
      const fresh: OPack[] = [];
      for (const l of [...r.labels.values()].sort((a, b) => (a.code < b.code ? -1 : 1))) {
        const on =
          l.trial === '100' || (l.trial === '100**' && m.activatedAt >= Date.parse('2024-05-15T00:00:00+08:00'));
        if (!on) continue;
        const p: OPack = {
          key: m.packs.length,
          serverId: null,
          label: l.code,
          source: 'gift',
          total: 100,
          used: 0,
          acquiredAt: due,
          expiresAt: giftExpiry(due),
          refunded: false,
          orderKey: null,
          refusedReason: null,
        };
        m.packs.push(p);
        fresh.push(p);
      }
      for (const l of new Set(fresh.map((p) => p.label))) {
        coverOnDelivery(
          m,
          fresh.filter((p) => p.label === l),
          due,
        );
      }
    }
    // R5.1 daily settlement of every day whose D+1 08:00 has come; R5.2 monthly: month M on the 1st of
    // M+1 at 08:00 (plain unit price: these tenants have no tier table).
    let d = m.settledThrough === null ? cstDay(m.activatedAt) : addDay(m.settledThrough, 1);
    const periodEnd = (day: string) => (m.monthly ? addDay(nextMonthFirst(day.slice(0, 7)), -1) : day);
    while (dayStart(addDay(periodEnd(d), 1)) + 8 * HOUR <= stop) {
      const last = periodEnd(d);
      const dueAt = dayStart(addDay(last, 1)) + 8 * HOUR;
      const lines = new Map<string, OCharge>();
      const days: string[] = [];
      for (let x = d; x <= last; x = addDay(x, 1)) days.push(x);
      for (const e of days.flatMap((x) => m.byDay.get(x) ?? [])) {
        if (e.outcome !== 'postpaid') continue;
        const k = `${e.label}\u0000${e.resourceId}`;
        const c = lines.get(k) ?? {
          day: m.monthly ? d.slice(0, 7) : d,
          label: e.label,
          resourceId: e.resourceId,
          quantity: 0,
          amount: 0n,
        };
        c.quantity += 1;
        lines.set(k, c);
      }
      for (const c of lines.values()) {
        const price = r.labels.get(c.label)?.price ?? 0n;
        c.amount = halfUpCents(price * BigInt(c.quantity));
        // R2.3 gift → income → cash; what they cannot cover drives cash negative.
        let rest = c.amount;
        for (const k of ['gift', 'income'] as const) {
          const t = m[k] > 0n ? minB(m[k], rest) : 0n;
          m[k] -= t;
          rest -= t;
        }
        m.cash -= rest;
        m.charges.push(c);
      }
      m.settledThrough = last;
      // R6.1 the arrears notice says when service stops (R6.2) and when it is released (R6.4).
      if (available(m) < 0n && m.status === 'active') {
        m.status = 'arrears';
        m.arrearsSince = dueAt;
        m.notices.push({
          kind: 'arrears',
          at: dueAt,
          contains: [cstWall(dueAt + 24 * HOUR), cstWall(dueAt + 24 * HOUR + r.releaseAfterMs)],
        });
      }
      d = addDay(last, 1);
    }
    // R6.2–R6.4 at this stop.
    // R10.1 budget alerts after the settlements of the stop.
    evaluateBudgets(m, true);
    if (m.status === 'arrears' && available(m) >= 0n) {
      m.status = 'active';
      m.arrearsSince = null;
      m.suspendedAt = null;
      m.notices.push({ kind: 'service_resumed', at: stop, contains: [] }); // R6.3 (money came back by a refund)
    } else {
      if (m.status === 'arrears' && m.arrearsSince !== null && m.arrearsSince + 24 * HOUR <= stop) {
        m.status = 'suspended';
        m.suspendedAt = m.arrearsSince + 24 * HOUR;
        // R6.2 the suspension notice gives the release time (R6.4).
        m.notices.push({ kind: 'suspended', at: m.suspendedAt, contains: [cstWall(m.suspendedAt + r.releaseAfterMs)] });
      }
      if (m.status === 'suspended' && m.suspendedAt !== null && m.suspendedAt + r.releaseAfterMs <= stop) {
        m.status = 'released';
        m.notices.push({ kind: 'released', at: m.suspendedAt + r.releaseAfterMs, contains: [] }); // R6.4
      }
    }
  }
  return { trialAt, injected };
}

/** A time as the notices' text writes it: CST wall time to the second, `2025-03-04 08:00:00`. */
export function cstWall(ms: number): string {
  return new Date(ms + CST).toISOString().slice(0, 19).replace('T', ' ');
}

/** A time as the API writes it: CST wall time to the second, `2025-03-04T08:00:00+08:00`. */
export function cstText(ms: number): string {
  return `${new Date(ms + CST).toISOString().slice(0, 19)}+08:00`;
}

/** R10.2 "the remaining calls of my active packs of this label": not refunded, not used up, not expired. */
export function remainingCalls(m: Model, label: string): number {
  let n = 0;
  for (const p of m.packs)
    if (p.label === label && !p.refunded && p.used < p.total && p.expiresAt > m.now) n += p.total - p.used;
  return n;
}

/**
 * R10.2 after a usage batch (for the labels it names): the rule acts once per crossing below N: buys tier T × q
 * as an ordinary order (R2.3, R4.3 coverage) while the month's limit allows and the balance pays, otherwise one
 * auto_topup_failed notice (decision 0014: the limit is reported the same way). Never while suspended or released.
 */
export function applyAutoTopup(
  m: Model,
  r: Rules,
  batch: readonly InEvent[],
  /** False when the batch was a retry after a crash: the purchase's budget evaluation may not have run. */
  alert = true,
): { kind: 'none' } | { kind: 'bought'; moved: string[] } | { kind: 'failed' } {
  const rule = m.rule;
  if (!rule?.enabled || !batch.some((e) => e.label === rule.label)) return { kind: 'none' };
  if (m.status === 'suspended' || m.status === 'released' || m.violation) return { kind: 'none' };
  if (remainingCalls(m, rule.label) >= rule.belowCalls) {
    rule.armed = true;
    return { kind: 'none' };
  }
  if (!rule.armed) return { kind: 'none' };
  rule.armed = false;
  const month = cstDay(m.now).slice(0, 7);
  const bought = m.orders.filter((o) => o.auto && o.label === rule.label && cstDay(o.at).slice(0, 7) === month).length;
  if (bought < rule.monthlyLimit) {
    const res = placeOrder(m, r, {
      label: rule.label,
      size: rule.size,
      quantity: rule.quantity,
      serverOrderId: '',
      serverPackIds: [],
      auto: true,
    });
    if (res.ok) {
      evaluateBudgets(m, alert);
      return { kind: 'bought', moved: res.moved };
    }
  }
  m.notices.push({ kind: 'auto_topup_failed', at: m.now, contains: [] });
  return { kind: 'failed' };
}

/** R10.1 a budget's spent in a CST month: purchases + settlement lines of the month − refunds, in its scope. */
export function budgetSpent(m: Model, month: string, label: string | null): bigint {
  let s = 0n;
  for (const o of m.orders) if (cstDay(o.at).slice(0, 7) === month && (!label || o.label === label)) s += o.amount;
  for (const c of m.charges) if (c.day.slice(0, 7) === month && (!label || c.label === label)) s += c.amount;
  for (const x of m.refunds) if (cstDay(x.at).slice(0, 7) === month && (!label || x.label === label)) s -= x.amount;
  return s;
}

/**
 * R10.1 at an evaluation point (`alert`: after a settlement, a purchase, a refund, an auto top-up, a budget
 * created or changed) a threshold spent has reached gets its budget_threshold notice, once per budget, month and
 * threshold. Without `alert` it only records what spent reached (a notice for a line never reached is wrong).
 */
export function evaluateBudgets(m: Model, alert: boolean): void {
  const month = cstDay(m.now).slice(0, 7);
  for (const b of m.budgets) {
    if (b.deleted) continue;
    const spent = budgetSpent(m, month, b.label);
    for (const t of b.thresholds) {
      if (spent * 100n < b.amount * BigInt(t)) continue;
      const k = `${month}:${t}`;
      b.reached.add(k);
      if (alert && !b.alerted.has(k)) {
        b.alerted.add(k);
        m.notices.push({ kind: 'budget_threshold', at: m.now, contains: [`budget:${b.serverId}:${k}`] });
      }
    }
  }
}

/** R3.1 status as the customer sees it at the model's now. */
export function packStatus(m: Model, p: OPack): PackStatus {
  if (p.refunded) return 'refunded';
  if (p.used >= p.total) return 'exhausted';
  if (m.now > p.expiresAt) return 'expired';
  return 'active';
}
