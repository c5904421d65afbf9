import { z } from 'zod';
import { ListQuery, MoneyString, Timestamp } from './common.ts';

/**
 * Issue 18 support timeline: what happened to an account, newest first. `resumption`: service resumed after
 * arrears or suspension (R6.3), an event of its own besides the service_resumed notice it sends.
 */
export const TimelineKind = z.enum([
  'order',
  'refund',
  'settlement',
  'notice',
  'signin',
  'staff',
  'action',
  'resumption',
]);
export type TimelineKind = z.infer<typeof TimelineKind>;

export const TimelineQuery = ListQuery.extend({
  /** Comma-separated kinds to show (default: all). */
  kinds: z
    .string()
    .max(200)
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s === '') return TimelineKind.options;
      const list = s.split(',');
      for (const k of list) {
        if (!TimelineKind.safeParse(k).success) {
          ctx.addIssue({ code: 'custom', message: `unknown kind "${k}"` });
          return z.NEVER;
        }
      }
      return list as TimelineKind[];
    }),
});

export const TimelineItem = z.object({
  kind: TimelineKind,
  at: Timestamp,
  id: z.string(),
  /** An order's or a settlement's label/period, a notice's kind, an audit action, a user's email… */
  what: z.string(),
  amount: MoneyString.nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type TimelineItem = z.infer<typeof TimelineItem>;

/** Issue 18: the staff console's timeline of an account, read without impersonating (audited, with the reason). */
export const StaffTimelineQuery = TimelineQuery.extend({
  reason: z.string().trim().max(200).optional(),
});
