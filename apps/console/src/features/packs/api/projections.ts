import type { PackProjectionItem } from '@idv/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** The endpoint's limit per request (the contract's MAX_PROJECTION_IDS, repeated to keep zod out of the chunk). */
export const PROJECTION_IDS_PER_REQUEST = 100;

export type ProjectionsById = Record<string, PackProjectionItem>;

/**
 * GET /api/v1/packs/projections?ids=… (issue 9): the burn-down projection of the visible packs, in
 * batches of 100, keyed by pack id. Its own query, so the list never waits for it; a projection only
 * moves with the day's usage, so it is not polled with the list.
 */
export function packProjectionsQueryOptions(ids: readonly string[]) {
  // A stable key whatever the order of the rows.
  const wanted = [...new Set(ids)].sort();
  return queryOptions({
    queryKey: ['packs', 'projections', wanted] as const,
    queryFn: async ({ signal }): Promise<ProjectionsById> => {
      const batches: string[][] = [];
      for (let i = 0; i < wanted.length; i += PROJECTION_IDS_PER_REQUEST) {
        batches.push(wanted.slice(i, i + PROJECTION_IDS_PER_REQUEST));
      }
      const answers = await Promise.all(
        batches.map((batch) => api.get('/packs/projections', { query: { ids: batch.join(',') }, signal })),
      );
      return Object.fromEntries(answers.flatMap((a) => a.items.map((item) => [item.packId, item])));
    },
    enabled: wanted.length > 0,
    staleTime: 5 * 60_000,
  });
}
