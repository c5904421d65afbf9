import {
  type EventOutcome,
  textProblem,
  USAGE_EVENT_TEXT_MAX,
  UsageEventInput,
  UsageEventShape,
  usageEventIfValid,
} from '@idv/contracts';
import { parse } from './validate.ts';

const TEXT_MAX: Record<string, number> = USAGE_EVENT_TEXT_MAX;

export interface TriagedBatch {
  /** The events to ingest, in input order. */
  events: UsageEventInput[];
  /** Input position → the outcome of an event refused here (issue 14: INVALID_EVENT). */
  refused: Map<number, EventOutcome>;
}

/**
 * Issue 14 (docs/decisions/0009): judges each event of a batch whose envelope is valid. An event of the
 * right shape whose text cannot be stored (NUL, lone surrogate, longer than its limit) is answered
 * `rejected: INVALID_EVENT`, is not stored, and the rest of the batch is ingested as if it were absent.
 * Any other wrong event refuses the whole batch (400, path `events.<i>.<field>`), as before (R4.1).
 * Issue 15: a valid event is taken at once (usageEventIfValid, the same rules without zod); only the
 * others go through the schemas, which decide and say why.
 */
export function triageEvents(raw: readonly unknown[]): TriagedBatch {
  const events: UsageEventInput[] = [];
  const refused = new Map<number, EventOutcome>();
  for (const [i, e] of raw.entries()) {
    const valid = usageEventIfValid(e);
    if (valid !== null) {
      events.push(valid);
      continue;
    }
    const shaped = UsageEventShape.safeParse(e);
    if (shaped.success) {
      const unstorable = Object.entries(shaped.data).some(([k, v]) => textProblem(v, TEXT_MAX[k]) !== null);
      if (unstorable) {
        refused.set(i, { id: shaped.data.id, outcome: 'rejected', code: 'INVALID_EVENT' });
        continue;
      }
    }
    events.push(parse(UsageEventInput, e, ['events', i]));
  }
  return { events, refused };
}

/** The outcomes in input order: the ingested ones and the refused ones at their positions. */
export function mergeOutcomes(
  total: number,
  refused: ReadonlyMap<number, EventOutcome>,
  ingested: readonly EventOutcome[],
) {
  const out: EventOutcome[] = [];
  let next = 0;
  for (let i = 0; i < total; i++) {
    const r = refused.get(i);
    if (r) out.push(r);
    else {
      const o = ingested[next++];
      if (!o) throw new Error('missing outcome');
      out.push(o);
    }
  }
  return out;
}
