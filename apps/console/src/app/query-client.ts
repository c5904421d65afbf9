import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api-client.ts';

export interface QueryClientHooks {
  /** Called when a data request answers 401: the session has ended. */
  onUnauthenticated: () => void;
}

export function createQueryClient(hooks: QueryClientHooks): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        // The /me query is checked by the route loaders themselves; any other 401 means the
        // session expired while the user was working.
        if (error instanceof ApiError && error.status === 401 && query.queryKey[0] !== 'me') {
          hooks.onUnauthenticated();
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        refetchOnWindowFocus: false,
        // A 4xx will not change by asking again; network errors and 5xx get two more tries.
        retry: (failureCount, error) => {
          if (error instanceof ApiError && error.isClientError) return false;
          return failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}
