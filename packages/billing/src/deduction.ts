import { isBillable, type UsageResult } from './results.ts';
import { cstDate } from './time.ts';
import { packValidAt } from './validity.ts';

export type PackSource = 'gift' | 'purchase';
export type PackStatus = 'active' | 'exhausted' | 'expired' | 'refunded';

/** R3.1 The deduction-relevant state of a resource pack. */
export interface PackState {
  id: bigint;
  label: string;
  source: PackSource;
  status: PackStatus;
  total: number;
  used: number;
  acquiredAt: Date;
  expiresAt: Date;
}

export type AccountStatus = 'active' | 'arrears' | 'suspended' | 'released';

export interface AccountState {
  status: AccountStatus;
  postpaidEnabled: boolean;
}

/** R4.1 A call reported by the verification service. */
export interface UsageEvent {
  id: string;
  label: string;
  resourceId: string;
  result: UsageResult;
  occurredAt: Date;
}

export type RejectCode =
  | 'NO_QUOTA'
  | 'ACCOUNT_SUSPENDED'
  | 'DAY_SETTLED'
  | 'FUTURE_EVENT'
  | 'UNKNOWN_LABEL'
  | 'UNKNOWN_RESOURCE';

/** R4.7 The outcome of one event. */
export type Outcome =
  | { outcome: 'pack'; packId: bigint }
  | { outcome: 'postpaid' }
  | { outcome: 'free' }
  | { outcome: 'rejected'; code: RejectCode }
  | { outcome: 'duplicate' };

export interface DeductionContext {
  now: Date;
  /** R4.6 Clock-skew allowance: events up to now + skewMs are accepted. */
  skewMs: number;
  /** Last settled CST date ('YYYY-MM-DD'); events dated on or before it are DAY_SETTLED (R4.6). */
  settledThrough: string | null;
  knownLabels: ReadonlySet<string>;
  knownResources: ReadonlySet<string>;
}

const sourceRank = (s: PackSource): number => {
  switch (s) {
    case 'gift':
      return 0;
    case 'purchase':
      return 1;
    default: {
      const never: never = s;
      throw new Error(`unknown pack source ${String(never)}`);
    }
  }
};

const cmp = (a: number | bigint, b: number | bigint): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * R4.2 Deduction order: gift packs before purchased packs; within a source the earliest expiry,
 * then the earliest acquired, then the lowest id (a total order, so the choice is deterministic).
 */
export function comparePacksForDeduction(a: PackState, b: PackState): number {
  return (
    cmp(sourceRank(a.source), sourceRank(b.source)) ||
    cmp(a.expiresAt.getTime(), b.expiresAt.getTime()) ||
    cmp(a.acquiredAt.getTime(), b.acquiredAt.getTime()) ||
    cmp(a.id, b.id)
  );
}

/**
 * R4.2 Only active packs of the call's label, valid at the call's time (R4.3: from 00:00 CST of the
 * delivery day through expiry, see packValidAt), with calls left.
 */
export function packCovers(pack: PackState, label: string, at: Date): boolean {
  return pack.status === 'active' && pack.label === label && pack.used < pack.total && packValidAt(pack, at);
}

/** R4.2 a pack past its expiry at `now` (the time a call is processed) is expired, whatever its stored status. */
export function expiredAt(pack: PackState, now: Date): boolean {
  return pack.expiresAt.getTime() < now.getTime();
}

/**
 * The first pack in R4.2 order that covers the call, if any. With `now` (the time the call is
 * processed), a pack past its expiry is expired, whether or not its stored status says so yet: a late
 * call dated before the expiry and processed after it is not deducted from it (decision 0008).
 */
export function pickPack(packs: readonly PackState[], label: string, at: Date, now?: Date): PackState | undefined {
  let best: PackState | undefined;
  for (const p of packs) {
    if (now !== undefined && expiredAt(p, now)) continue;
    if (packCovers(p, label, at) && (best === undefined || comparePacksForDeduction(p, best) < 0)) best = p;
  }
  return best;
}

/**
 * Takes one call from the pack; the pack turns 'exhausted' on its last call. Counts never
 * leave [0, total] (R4.7): packCovers guarantees used < total before the increment.
 */
export function takeOneCall(pack: PackState): void {
  pack.used += 1;
  if (pack.used >= pack.total) pack.status = 'exhausted';
}

/** R4.5 'arrears' still serves calls; 'suspended' and 'released' refuse every call. */
export function accountServes(status: AccountStatus): boolean {
  switch (status) {
    case 'active':
    case 'arrears':
      return true;
    case 'suspended':
    case 'released':
      return false;
    default: {
      const never: never = status;
      throw new Error(`unknown account status ${String(never)}`);
    }
  }
}

const rejected = (code: RejectCode): Outcome => ({ outcome: 'rejected', code });

/**
 * Decides one event's outcome and applies it to `packs` (mutated). Checks, in order:
 *  1. unknown label → UNKNOWN_LABEL; unknown resource → UNKNOWN_RESOURCE (validation first:
 *     a malformed event says nothing about the account);
 *  2. occurredAt > now + skew → FUTURE_EVENT (R4.6);
 *  3. CST date of occurredAt ≤ settledThrough → DAY_SETTLED (R4.6);
 *  4. account suspended or released → ACCOUNT_SUSPENDED (R4.5). Decision: this comes BEFORE the
 *     non-billable check, because R4.5 says *every* call is refused while suspended; a refused
 *     call is never "free", so a suspended account records no free calls;
 *  5. non-billable result → free (recorded, never charged, R1.4);
 *  6. the first covering pack in R4.2 order → pack (used + 1);
 *  7. otherwise postpaid if enabled (R4.4), else NO_QUOTA (never charged).
 */
export function deductEvent(
  packs: PackState[],
  account: AccountState,
  event: UsageEvent,
  ctx: DeductionContext,
): Outcome {
  if (!ctx.knownLabels.has(event.label)) return rejected('UNKNOWN_LABEL');
  if (!ctx.knownResources.has(event.resourceId)) return rejected('UNKNOWN_RESOURCE');
  if (event.occurredAt.getTime() > ctx.now.getTime() + ctx.skewMs) return rejected('FUTURE_EVENT');
  if (ctx.settledThrough !== null && cstDate(event.occurredAt) <= ctx.settledThrough) {
    return rejected('DAY_SETTLED');
  }
  if (!accountServes(account.status)) return rejected('ACCOUNT_SUSPENDED');
  if (!isBillable(event.result)) return { outcome: 'free' };
  const pack = pickPack(packs, event.label, event.occurredAt, ctx.now);
  if (pack !== undefined) {
    takeOneCall(pack);
    return { outcome: 'pack', packId: pack.id };
  }
  return account.postpaidEnabled ? { outcome: 'postpaid' } : rejected('NO_QUOTA');
}

/**
 * R4.1 Processes a batch in array order. An id already in `seenIds` (from an earlier batch or
 * earlier in this batch) is a 'duplicate' with no effect. Decision: every processed id is added
 * to `seenIds`, whatever its outcome (rejected included), because the outcome recorded for an
 * event id is final: re-sending the same id is always a no-op (R4.1), so a replay can never
 * turn an earlier refusal into a charge.
 */
export function deductBatch(
  packs: PackState[],
  account: AccountState,
  events: readonly UsageEvent[],
  ctx: DeductionContext,
  seenIds: Set<string>,
): Outcome[] {
  return events.map((event) => {
    if (seenIds.has(event.id)) return { outcome: 'duplicate' };
    seenIds.add(event.id);
    return deductEvent(packs, account, event, ctx);
  });
}
