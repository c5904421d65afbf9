import { USAGE_RESULTS } from '@idv/billing';
import { z } from 'zod';
import { regexes } from 'zod/v4/core';
import { DateString, Timestamp } from './common.ts';
import { storableText, textProblem } from './text.ts';

/** Usage service keys (issue 3): the key is shown once, at creation, and stored as a hash. */
export const ServiceKey = z.object({
  id: z.string(),
  name: z.string(),
  /** The first characters of the key, to tell keys apart; never enough to use it. */
  prefix: z.string(),
  createdAt: Timestamp,
  revokedAt: Timestamp.nullable(),
});
export type ServiceKey = z.infer<typeof ServiceKey>;
export const CreatedServiceKey = ServiceKey.extend({
  key: z.string().describe('The full key (idv_sk_…); shown only in this answer'),
});
export type CreatedServiceKey = z.infer<typeof CreatedServiceKey>;
export const CreateServiceKeyBody = z.object({ name: z.string().trim().min(1).max(100).default('Usage key') }).strict();
export const ServiceKeyIdParam = z.object({ id: z.string().regex(/^sk_[A-Za-z0-9_-]{1,40}$/, 'must be a key id') });

/** R1.4 result codes the verification service reports. */
export const UsageResultCode = z.enum(USAGE_RESULTS);

/** The longest id, label and resource id an event may carry (longer: rejected INVALID_EVENT, issue 14). */
export const USAGE_EVENT_TEXT_MAX = { id: 128, label: 100, resourceId: 100 } as const;

/** R4.1 One call reported by the verification service. Unknown labels/resources are outcomes, not 400s. */
export const UsageEventInput = z
  .object({
    id: storableText(USAGE_EVENT_TEXT_MAX.id).min(1),
    label: storableText(USAGE_EVENT_TEXT_MAX.label).min(1),
    resourceId: storableText(USAGE_EVENT_TEXT_MAX.resourceId).min(1),
    result: UsageResultCode,
    occurredAt: z.iso.datetime({ offset: true }),
  })
  .strict();
export type UsageEventInput = z.infer<typeof UsageEventInput>;

const RESULTS: ReadonlySet<string> = new Set(USAGE_RESULTS);
/** The very regular expression `z.iso.datetime({ offset: true })` tests (zod's own, from zod/v4/core). */
const DATETIME_WITH_OFFSET = regexes.datetime({ offset: true });

/**
 * Issue 15: UsageEventInput's answer for an event that is certainly valid, without zod (a batch of 1,000
 * events was parsed twice by zod, once for its shape and once for its rules, on the one thread that
 * serves every request). The same rules, checked directly: an object with exactly these five own
 * fields, the three texts non-empty and storable within their limits, a known result code, a time
 * with an offset matched by zod's own pattern. Null when any check fails: the caller then runs
 * UsageEventInput, which decides and says why. So this may refuse more than UsageEventInput, never
 * accept more (the contract test compares them on valid events and on near misses of every rule).
 */
export function usageEventIfValid(e: unknown): UsageEventInput | null {
  if (typeof e !== 'object' || e === null || Array.isArray(e)) return null;
  const o = e as Record<string, unknown>;
  if (Object.keys(o).length !== 5) return null;
  const { id, label, resourceId, result, occurredAt } = o;
  if (!Object.hasOwn(o, 'id') || typeof id !== 'string' || id.length === 0) return null;
  if (!Object.hasOwn(o, 'label') || typeof label !== 'string' || label.length === 0) return null;
  if (!Object.hasOwn(o, 'resourceId') || typeof resourceId !== 'string' || resourceId.length === 0) return null;
  if (!Object.hasOwn(o, 'result') || typeof result !== 'string' || !RESULTS.has(result)) return null;
  if (!Object.hasOwn(o, 'occurredAt') || typeof occurredAt !== 'string' || !DATETIME_WITH_OFFSET.test(occurredAt))
    return null;
  if (textProblem(id, USAGE_EVENT_TEXT_MAX.id) !== null) return null;
  if (textProblem(label, USAGE_EVENT_TEXT_MAX.label) !== null) return null;
  if (textProblem(resourceId, USAGE_EVENT_TEXT_MAX.resourceId) !== null) return null;
  return { id, label, resourceId, result: result as UsageEventInput['result'], occurredAt };
}

export const MAX_EVENTS_PER_BATCH = 1000;
export const IngestBody = z.object({ events: z.array(UsageEventInput).min(1).max(MAX_EVENTS_PER_BATCH) }).strict();
export type IngestBody = z.infer<typeof IngestBody>;

/**
 * Issue 14: the shape of the batch itself (400 if wrong); each event is then judged on its own. An event
 * whose text cannot be stored (NUL, lone surrogate, longer than USAGE_EVENT_TEXT_MAX) is answered
 * `rejected: INVALID_EVENT` and the rest of the batch goes on as if it were absent; any other wrong
 * event (missing field, wrong type, unknown result, time without offset, extra field) still refuses
 * the whole batch with 400, as before.
 */
export const IngestEnvelope = z.object({ events: z.array(z.unknown()).min(1).max(MAX_EVENTS_PER_BATCH) }).strict();
/** An event of the right shape (five strings, nothing else) whose content is not yet judged. */
export const UsageEventShape = z
  .object({
    id: z.string(),
    label: z.string(),
    resourceId: z.string(),
    result: z.string(),
    occurredAt: z.string(),
  })
  .strict();

export const RejectCode = z.enum([
  'NO_QUOTA',
  'ACCOUNT_SUSPENDED',
  'DAY_SETTLED',
  'FUTURE_EVENT',
  'UNKNOWN_LABEL',
  'UNKNOWN_RESOURCE',
  /** Issue 14: the event's text cannot be stored (NUL, lone surrogate, too long); nothing is recorded. */
  'INVALID_EVENT',
]);
/** R4.7 The outcome of one event, in input order. */
export const EventOutcome = z.object({
  id: z.string(),
  outcome: z.enum(['pack', 'postpaid', 'free', 'rejected', 'duplicate']),
  packId: z.string().optional(),
  code: RejectCode.optional(),
});
export type EventOutcome = z.infer<typeof EventOutcome>;
export const IngestResponse = z.object({ outcomes: z.array(EventOutcome) });
export type IngestResponse = z.infer<typeof IngestResponse>;

/** R3.6 Calls per label and day, split by where they went. */
export const DailyLabelUsageQuery = z.object({
  label: z.string().max(100).optional(),
  from: DateString.optional(),
  to: DateString.optional(),
});
export const DailyLabelUsage = z.object({
  items: z.array(
    z.object({
      date: DateString,
      label: z.string(),
      calls: z.number().int().describe('pack + postpaid + free'),
      pack: z.number().int(),
      postpaid: z.number().int(),
      free: z.number().int(),
      rejected: z.number().int(),
    }),
  ),
});
export type DailyLabelUsage = z.infer<typeof DailyLabelUsage>;
