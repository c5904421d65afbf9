import type { ReactNode } from 'react';
import { QueryView } from './query-view.tsx';
import { EmptyState } from './ui/empty-state.tsx';

/**
 * A list inside a panel from a query answering `{ items }`: QueryView with a short skeleton and, when
 * there are no items and `emptyTitle` is given, a small empty state (an h3, under the panel's h2).
 */
export function ItemsQueryView<T extends { items: readonly unknown[] }>({
  query,
  emptyTitle,
  children,
}: {
  query: Parameters<typeof QueryView<T>>[0]['query'];
  emptyTitle?: string;
  children: (data: T) => ReactNode;
}) {
  return (
    <QueryView
      query={query}
      skeleton="h-16"
      isEmpty={emptyTitle === undefined ? undefined : (d) => d.items.length === 0}
      empty={<EmptyState headingLevel={3} title={emptyTitle} className="py-8" />}
    >
      {children}
    </QueryView>
  );
}
