/**
 * The server's rule for an impersonation reason (contracts StartImpersonationBody): trimmed, at least
 * 15 characters ("at least a sentence"), at most 500. Checked here first so the agent gets the message
 * before a round trip; the unit test pins it to the contract schema.
 */
export const REASON_MIN = 15;
export const REASON_MAX = 500;
export const TICKET_MAX = 50;

export type ReasonProblem = 'empty' | 'tooShort' | 'tooLong' | null;

export function reasonProblem(reason: string): ReasonProblem {
  const r = reason.trim();
  if (r.length === 0) return 'empty';
  if (r.length < REASON_MIN) return 'tooShort';
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
