import { releaseAfter, SUSPEND_AFTER_MS } from './arrears.ts';
import type { AccountStatus } from './deduction.ts';
import type { Money } from './money.ts';

export interface ArrearsState {
  status: AccountStatus;
  /** When the current arrears episode began (R6.1), or null. */
  arrearsSince: Date | null;
  /** When service was suspended (R6.2), or null. */
  suspendedAt: Date | null;
}

export interface ArrearsFacts {
  /** The available balance (cash + income + gift) in 1/10000 CNY. */
  available: Money;
  /** R6.4 the release period, a setting (RELEASE_AFTER_DAYS, default 15). */
  releaseAfterDays: number;
}

/** What the lifecycle asks the caller to do, each dated at the time it was due (not when it ran). */
export type ArrearsAction =
  /** R6.3 safety net: the balance is back to 0 or more by a path other than a recharge (e.g. a refund). */
  | { kind: 'resumed'; at: Date; episode: Date | null; available: Money }
  /** R6.2 still in arrears 24 h after the episode began: suspend; the notice quotes the debt and release time. */
  | { kind: 'suspended'; at: Date; episode: Date; debt: Money; releasesAt: Date; releaseAfterDays: number }
  /** R6.4 suspended for the release period: the postpaid configuration is released. */
  | { kind: 'released'; at: Date; suspendedAt: Date; releaseAfterDays: number };

/**
 * R6.2–R6.4 The arrears state machine as one pure step: the account's state, the facts (balance,
 * setting) and the clock in; the next state and the actions out. It catches up on everything due by
 * `now` in one call (a suspension and the release after it), and dates each action at its due time,
 * so a clock that jumps produces the same history as one that ticks. R6.1 (entering arrears) belongs
 * to the settlement that caused it; R6.3 on a recharge to the recharge itself. Applying the result
 * (the account row, the notices) is the caller's: see the BFF's advance-arrears use case.
 */
export function stepArrears(
  state: ArrearsState,
  facts: ArrearsFacts,
  now: Date,
): { next: ArrearsState; actions: ArrearsAction[] } {
  const actions: ArrearsAction[] = [];
  let next: ArrearsState = { ...state };
  if (state.status !== 'arrears' && state.status !== 'suspended') return { next, actions };

  if (next.status === 'arrears' && facts.available >= 0n) {
    // R6.3 resume (once per episode); the episode ends.
    actions.push({ kind: 'resumed', at: now, episode: state.arrearsSince, available: facts.available });
    return { next: { status: 'active', arrearsSince: null, suspendedAt: null }, actions };
  }

  const since = next.arrearsSince;
  if (next.status === 'arrears' && since && since.getTime() + SUSPEND_AFTER_MS <= now.getTime()) {
    // R6.2 suspended at arrears + 24 h exactly, however late the step runs.
    const due = new Date(since.getTime() + SUSPEND_AFTER_MS);
    next = { ...next, status: 'suspended', suspendedAt: due };
    actions.push({
      kind: 'suspended',
      at: due,
      episode: since,
      debt: facts.available < 0n ? -facts.available : 0n,
      releasesAt: releaseAfter(due, facts.releaseAfterDays),
      releaseAfterDays: facts.releaseAfterDays,
    });
  }

  if (next.status === 'suspended' && next.suspendedAt) {
    // R6.4 released the set number of days after the suspension.
    const due = releaseAfter(next.suspendedAt, facts.releaseAfterDays);
    if (due.getTime() <= now.getTime()) {
      actions.push({
        kind: 'released',
        at: due,
        suspendedAt: next.suspendedAt,
        releaseAfterDays: facts.releaseAfterDays,
      });
      next = { ...next, status: 'released' };
    }
  }
  return { next, actions };
}
