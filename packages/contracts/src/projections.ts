import { z } from 'zod';
import { DateString } from './common.ts';

/**
 * GET /packs/projections?ids=1,2,3 (issue 9): the burn-down projection of several packs at once, for
 * the projection marker on the pack list's usage bars. Same method as GET /packs/:id/forecast (one
 * forecast per label, shared by every requested pack of that label). Ids that are not the caller's
 * packs (another account's, or none at all) are simply absent from the answer: it never reveals
 * whether another account's pack exists, and never returns its data.
 */

export const MAX_PROJECTION_IDS = 100;

const PackIdText = /^\d{1,18}$/;

export const PackProjectionsQuery = z
  .object({
    ids: z
      .string()
      .max(MAX_PROJECTION_IDS * 20)
      .regex(/^\d{1,18}(,\d{1,18})*$/, 'must be a comma-separated list of pack ids')
      .transform((s) => s.split(','))
      .pipe(z.array(z.string().regex(PackIdText)).min(1).max(MAX_PROJECTION_IDS, `at most ${MAX_PROJECTION_IDS} ids`)),
  })
  .strict();
export type PackProjectionsQuery = z.infer<typeof PackProjectionsQuery>;

export const PackProjectionItem = z.object({
  packId: z.string(),
  status: z.enum(['active', 'exhausted', 'expired', 'refunded']),
  total: z.number().int(),
  /** The date the pack's last call is projected to be used; null if it outlives its expiry or the horizon. */
  runOutDate: DateString.nullable(),
  /** Calls projected to expire unused (an expired pack: what it held at expiry). */
  expiringUnused: z.number().int(),
  /**
   * Calls the pack is projected to have used when it expires, or at the horizon if it expires later
   * (a pack that is no longer active: what it used).
   */
  projectedUsedAtExpiry: z.number().int(),
  /** Last projected day: the latest expiry of the label's active packs, within [today + 30, today + 400]. */
  horizon: DateString,
  /** The pack's expiry date (CST). */
  expiresOn: DateString,
});
export type PackProjectionItem = z.infer<typeof PackProjectionItem>;

export const PackProjections = z.object({
  /** The account's CST date the projection starts from (demo tenants: their simulated clock). */
  today: DateString,
  /** One item per requested id that is the caller's pack, in the order asked, without repeats. */
  items: z.array(PackProjectionItem),
});
export type PackProjections = z.infer<typeof PackProjections>;
