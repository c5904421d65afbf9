import { comparePacksForDeduction, type PackState, packCovers, takeOneCall } from './deduction.ts';
import { DomainError } from './errors.ts';

export interface PostpaidCall {
  id: string;
  occurredAt: Date;
}

export interface CoverMove {
  eventId: string;
  packId: bigint;
}

/**
 * R4.3 On delivery of pack(s) on day D, the still-unsettled postpaid calls of that label made
 * earlier on day D are moved onto the new packs, as far as they reach.
 *
 * - Calls are taken in time order (then id, for determinism); each goes to the first pack in
 *   R4.2 order that can take it.
 * - Validity is the one rule of R4.3 (packValidAt, through packCovers, exactly as ingest decides):
 *   from 00:00 CST of the delivery day through expiry; label, status and capacity apply too.
 *   Calls from before that day are never moved (they are not "earlier on day D").
 * - All packs must be of one label (the caller passes the calls of that label); mixing labels
 *   throws MIXED_LABELS rather than risk moving a call onto another label's pack.
 *
 * `newPacks` is mutated (used += moved calls, 'exhausted' when full). Returns the moves.
 */
export function coverSameDay(newPacks: PackState[], postpaidEvents: readonly PostpaidCall[]): CoverMove[] {
  const labels = new Set(newPacks.map((p) => p.label));
  if (labels.size > 1) {
    throw new DomainError('MIXED_LABELS', 'coverSameDay takes the new packs of one label', {
      labels: [...labels],
    });
  }
  const packs = [...newPacks].sort(comparePacksForDeduction);
  const events = [...postpaidEvents].sort(
    (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const moves: CoverMove[] = [];
  for (const e of events) {
    const pack = packs.find((p) => packCovers(p, p.label, e.occurredAt));
    if (pack === undefined) continue;
    takeOneCall(pack);
    moves.push({ eventId: e.id, packId: pack.id });
  }
  return moves;
}
