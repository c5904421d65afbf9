import type { ReactNode } from 'react';
import { QueryView } from './query-view.tsx';
import { EmptyState } from './ui/empty-state.tsx';

/**
 * A list from a query answering `{ items }`: QueryView that is empty when there are no items. The empty
 * state is `empty`, else (with `emptyTitle`) a small one with an h3 for a list inside a panel; without
 * either, an empty list is drawn like any other. The default skeleton is short (a panel's list).
 */
export function ItemsQueryView<T extends { items: readonly unknown[] }>({
  query,
  emptyTitle,
  empty,
  loading,
  padded,
  children,
}: {
  query: Parameters<typeof QueryView<T>>[0]['query'];
  emptyTitle?: string;
  empty?: ReactNode;
  loading?: ReactNode;
  padded?: boolean;
  children: (data: T) => ReactNode;
}) {
  const emptyState =
    empty ??
    (emptyTitle === undefined ? undefined : <EmptyState headingLevel={3} title={emptyTitle} className="py-8" />);
  return (
    <QueryView
      query={query}
      skeleton="h-16"
      loading={loading}
      padded={padded}
      isEmpty={emptyState === undefined ? undefined : (d) => d.items.length === 0}
      empty={emptyState}
    >
      {children}
    </QueryView>
  );
}
