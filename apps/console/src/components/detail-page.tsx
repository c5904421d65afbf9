import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { QueryView } from './query-view.tsx';
import { EmptyState } from './ui/empty-state.tsx';
import { PageHeader } from './ui/panel.tsx';
import { Skeleton } from './ui/spinner.tsx';

/**
 * A page about one thing (an account, a demo tenant) found by its id in a query's answer. Until it is
 * there the page says so under a header with the way back: loading (`loadingTitle`), failed (the id as
 * the title, a retry) or not found (`notFound`); then `children` draws the page for what `pick` found.
 */
export function DetailPage<T, X>({
  query,
  pick,
  back,
  loadingTitle,
  idTitle,
  notFound,
  children,
}: {
  query: Pick<UseQueryResult<T>, 'isPending' | 'isError' | 'error' | 'data' | 'refetch'>;
  pick: (data: T) => X | null | undefined;
  back: ReactNode;
  loadingTitle: string;
  idTitle: string;
  notFound: { title: string; body: string };
  children: (found: X) => ReactNode;
}) {
  const found = query.data === undefined || query.isError ? undefined : pick(query.data);
  if (found !== undefined && found !== null) return children(found);
  return (
    <>
      <PageHeader title={query.isPending ? loadingTitle : idTitle} back={back} />
      <QueryView
        query={query}
        padded={false}
        loading={
          <div className="flex flex-col gap-3">
            <Skeleton className="h-24 w-full" />
            <Skeleton className="h-40 w-full" />
          </div>
        }
      >
        {() => (
          <EmptyState icon="search" title={notFound.title}>
            {notFound.body}
          </EmptyState>
        )}
      </QueryView>
    </>
  );
}
