import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isApiError } from '../lib/api-client.ts';

import { QueryView } from './query-view.tsx';
import { StatusPanel } from './status-page.tsx';

/** A detail page's object is missing: a 404, or a malformed id (a 400 from the API), both "no such thing". */
export function isMissing(error: unknown): boolean {
  return isApiError(error) && (error.status === 404 || error.code === 'INVALID_REQUEST');
}

/** "Nothing here": a panel with a search icon, a title, a sentence and an optional way back (`back`). */
export function NotFound({
  title,
  back,
  children,
}: {
  title: string;
  back?: { to: string; label: string };
  children?: ReactNode;
}) {
  return (
    <StatusPanel title={title} link={back}>
      {children}
    </StatusPanel>
  );
}

/**
 * A detail page (one pack, one order, one forecast): while loading or after a failure it shows `header`
 * (the page title and way back) over a skeleton, the error, or — when `missing` says the object does
 * not exist — `notFound`; then the page `children` draws from the data.
 *
 *   <DetailView query={order} header={<PageHeader …/>} notFound={<NotFound title={…} />}>
 *     {(o) => …}
 *   </DetailView>
 */
export function DetailView<T>({
  query,
  header,
  notFound,
  missing = isMissing,
  skeleton = 'h-48',
  children,
}: {
  query: UseQueryResult<T>;
  header: ReactNode;
  notFound: ReactNode;
  missing?: (error: unknown) => boolean;
  skeleton?: string;
  children: (data: T) => ReactNode;
}) {
  if (query.data !== undefined && !query.isError) return <>{children(query.data)}</>;
  return (
    <>
      {header}
      {query.isError && missing(query.error) ? (
        notFound
      ) : (
        <QueryView query={query} skeleton={skeleton} padded={false}>
          {children}
        </QueryView>
      )}
    </>
  );
}
