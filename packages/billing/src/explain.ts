import {
  type AccountState,
  comparePacksForDeduction,
  type DeductionContext,
  deductBatch,
  expiredAt,
  type Outcome,
  type PackState,
  packCovers,
  type UsageEvent,
} from './deduction.ts';

/**
 * Why an event went where it did, stored with the event for the deduction explainer (R4.2, R4.7).
 * A small, stable set (documented in docs/decisions/0002-billing-engine.md):
 *  - pack outcomes name the first R4.2 criterion that put the chosen pack ahead of the runner-up
 *    (the next pack that could also have taken the call): 'gift_first', 'earliest_expiry',
 *    'earliest_acquired', 'lowest_id'; 'only_pack' when no other pack could take it;
 *  - 'postpaid_no_pack' (R4.4), 'not_billable' (R1.4);
 *  - 'rejected_<code>' in lower case, e.g. 'rejected_no_quota' (R4.4–R4.6);
 *  - 'covered_on_delivery' is written by R4.3 same-day coverage when a postpaid call moves to a pack;
 *  - 'delivered_same_day' (R4.3): the call was made before the pack was delivered, later that same CST
 *    day, and arrived after the delivery; the pack took it because its validity starts at 00:00 CST of
 *    its delivery day (packValidAt). It names why a pack "younger" than the call could take it at all,
 *    which matters more to the reader than the R4.2 tie-break against a runner-up.
 * Duplicates are not stored (the first record of an id stays final, R4.1).
 */
export type DeductionRule =
  | 'only_pack'
  | 'gift_first'
  | 'earliest_expiry'
  | 'earliest_acquired'
  | 'lowest_id'
  | 'postpaid_no_pack'
  | 'not_billable'
  | 'covered_on_delivery'
  | 'delivered_same_day'
  | `rejected_${Lowercase<string>}`;

export const PACK_RULES = ['only_pack', 'gift_first', 'earliest_expiry', 'earliest_acquired', 'lowest_id'] as const;

/** The first R4.2 criterion that orders `chosen` before `runnerUp`. */
export function packRule(chosen: PackState, runnerUp: PackState | undefined): DeductionRule {
  if (runnerUp === undefined) return 'only_pack';
  if (chosen.source !== runnerUp.source) return 'gift_first';
  if (chosen.expiresAt.getTime() !== runnerUp.expiresAt.getTime()) return 'earliest_expiry';
  if (chosen.acquiredAt.getTime() !== runnerUp.acquiredAt.getTime()) return 'earliest_acquired';
  return 'lowest_id';
}

/** The two best packs in R4.2 order that could take a call of `label` at `at`, processed at `now`. */
function bestTwo(
  packs: readonly PackState[],
  label: string,
  at: Date,
  now: Date,
): [PackState | undefined, PackState | undefined] {
  let first: PackState | undefined;
  let second: PackState | undefined;
  for (const p of packs) {
    if (expiredAt(p, now) || !packCovers(p, label, at)) continue;
    if (first === undefined || comparePacksForDeduction(p, first) < 0) {
      second = first;
      first = p;
    } else if (second === undefined || comparePacksForDeduction(p, second) < 0) {
      second = p;
    }
  }
  return [first, second];
}

export interface ExplainedOutcome {
  outcome: Outcome;
  /** Undefined for duplicates (they are not stored). */
  rule: DeductionRule | undefined;
}

/**
 * deductBatch (R4.1–R4.7) with the rule that decided each outcome. The decisions are exactly
 * deductBatch's: each event is passed through it in order, with the same packs and seen ids.
 */
export function deductBatchExplained(
  packs: PackState[],
  account: AccountState,
  events: readonly UsageEvent[],
  ctx: DeductionContext,
  seenIds: Set<string>,
): ExplainedOutcome[] {
  return events.map((event) => {
    const [first, second] = bestTwo(packs, event.label, event.occurredAt, ctx.now);
    const [outcome] = deductBatch(packs, account, [event], ctx, seenIds);
    if (outcome === undefined) throw new Error('deductBatch returned no outcome');
    return { outcome, rule: ruleOf(outcome, event.occurredAt, first, second) };
  });
}

function ruleOf(
  o: Outcome,
  at: Date,
  first: PackState | undefined,
  second: PackState | undefined,
): DeductionRule | undefined {
  switch (o.outcome) {
    case 'pack':
      // `first` is the pack deductEvent picked (same packs, same order); guard anyway.
      if (first === undefined || first.id !== o.packId) return 'only_pack';
      // R4.3 a call made before the pack's delivery the same day (it arrived late).
      if (first.acquiredAt.getTime() > at.getTime()) return 'delivered_same_day';
      return packRule(first, second);
    case 'postpaid':
      return 'postpaid_no_pack';
    case 'free':
      return 'not_billable';
    case 'rejected':
      return `rejected_${o.code.toLowerCase() as Lowercase<string>}`;
    case 'duplicate':
      return undefined;
    default: {
      const never: never = o;
      throw new Error(`unknown outcome ${String(never)}`);
    }
  }
}
