import type { Notification } from '@idv/contracts';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import type { Locale } from '../../../lib/i18n.tsx';

export interface NotificationPage {
  items: Notification[];
  nextCursor: string | null;
  unreadCount: number;
}

export const notificationsKey = ['notifications'] as const;
export const PAGE_SIZE = 20;

/** GET /api/v1/notifications?cursor&limit&unread&lang: newest first, in the UI language, "load more" by cursor. */
export function notificationsInfiniteOptions(opts: { unreadOnly: boolean; lang: Locale }) {
  return infiniteQueryOptions({
    queryKey: [...notificationsKey, 'list', opts] as const,
    queryFn: ({ pageParam, signal }) =>
      api.get('/notifications', {
        query: { cursor: pageParam, limit: PAGE_SIZE, unread: opts.unreadOnly ? 'true' : undefined, lang: opts.lang },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The unread count for the shell's badge: polled every 60 s and refetched when the window regains focus. */
export function unreadCountQueryOptions() {
  return queryOptions({
    queryKey: [...notificationsKey, 'unread-count'] as const,
    queryFn: ({ signal }) => api.get('/notifications', { query: { limit: 1, unread: 'true' }, signal }),
    select: (page) => page.unreadCount,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
  });
}
