import type { ApiPath } from '@idv/contracts';
import { type MutationKey, mutationOptions, type QueryKey, queryOptions } from '@tanstack/react-query';
import { api, type OptionsArg } from './api-client.ts';

/**
 * The query options of a declared GET (issue 16): `queryKey`, and `api.get(path, opts)` with the query's
 * AbortSignal. `opts` (params, query) is typed from the declaration as in `api.get`. Features spread the
 * result to add their own options (`staleTime`, `placeholderData`, ...).
 */
export function getQueryOptions<P extends ApiPath<'get'>, const K extends QueryKey>(
  queryKey: K,
  path: P,
  ...[opts]: OptionsArg<'get', P>
) {
  return queryOptions({
    queryKey,
    queryFn: ({ signal }) => api.get(path, ...([{ ...opts, signal }] as unknown as OptionsArg<'get', P>)),
  });
}

/**
 * A feature's mutation options builder: `mutationKey` and the call. What to refetch afterwards stays with
 * the component (`onSuccess`), which knows what its change touches.
 */
export function mutationOptionsOf<V, R>(mutationKey: MutationKey, mutationFn: (variables: V) => Promise<R>) {
  return () => mutationOptions({ mutationKey, mutationFn });
}

/**
 * GET /api/v1/catalog: labels with postpaid unit price and pack tiers (R1.1, R1.3). Every feature that
 * needs it re-exports this one builder (features do not import each other): one key, one cached answer.
 */
export function catalogQueryOptions() {
  return { ...getQueryOptions(['catalog'], '/catalog'), staleTime: 60 * 60_000 };
}
