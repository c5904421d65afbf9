import { REASON_MIN_WEIGHT, reasonWeight } from '@idv/contracts';

/**
 * The server's rule for an impersonation reason (contracts StartImpersonationBody): trimmed, a weight
 * of at least 15 ("at least a sentence"; a Chinese character counts 2, so 8 Chinese characters or 15
 * Latin ones), at most 500. Checked here first so the agent gets the message before a round trip; the
 * unit test pins it to the contract schema.
 */
export const REASON_MIN = REASON_MIN_WEIGHT;
export { reasonWeight };
export const REASON_MAX = 500;
export const TICKET_MAX = 50;

export type ReasonProblem = 'empty' | 'tooShort' | 'tooLong' | null;

export function reasonProblem(reason: string): ReasonProblem {
  const r = reason.trim();
  if (r.length === 0) return 'empty';
  if (reasonWeight(r) < REASON_MIN) return 'tooShort';
  if (r.length > REASON_MAX) return 'tooLong';
  return null;
}

/** Refund refusals and violation changes (contracts RefundRefusalBody, AccountViolationBody): 3 to 500. */
export const ACTION_REASON_MIN = 3;

export function actionReasonProblem(reason: string): ReasonProblem {
  const r = reason.trim();
  if (r.length === 0) return 'empty';
  if (r.length < ACTION_REASON_MIN) return 'tooShort';
  if (r.length > REASON_MAX) return 'tooLong';
  return null;
}
