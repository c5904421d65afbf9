import type { ReactNode } from 'react';
import { QueryView } from './query-view.tsx';
import { Panel } from './ui/panel.tsx';

/**
 * A panel whose body is a query answering `{ items }`: its skeleton while loading (unpadded body), the
 * error, `empty` when there are no items, else `children(data)`.
 *
 *   <ItemsPanel title={t('packs.usage.title')} headingId="pack-usage" query={usage} skeleton="h-48"
 *     empty={<EmptyState headingLevel={3} title={t('packs.usage.empty')} />}>{(d) => <UsageChart items={d.items} />}</ItemsPanel>
 */
export function ItemsPanel<T extends { items: readonly unknown[] }>({
  title,
  description,
  headingId,
  query,
  skeleton,
  empty,
  children,
}: {
  title: string;
  description: string;
  headingId: string;
  query: Parameters<typeof QueryView<T>>[0]['query'];
  /** Height class of the loading skeleton. */
  skeleton: string;
  empty: ReactNode;
  children: (data: T) => ReactNode;
}) {
  return (
    <Panel title={title} description={description} headingId={headingId}>
      <QueryView query={query} skeleton={skeleton} padded={false} isEmpty={(d) => d.items.length === 0} empty={empty}>
        {children}
      </QueryView>
    </Panel>
  );
}
