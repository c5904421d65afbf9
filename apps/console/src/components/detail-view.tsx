import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../lib/api-client.ts';
import { QueryView } from './query-view.tsx';
import { buttonClasses } from './ui/button.tsx';
import { EmptyState } from './ui/empty-state.tsx';
import { focusRing } from './ui/focus.ts';
import { Panel } from './ui/panel.tsx';

/** A detail page's object is missing: a 404, or a malformed id (a 400 from the API), both "no such thing". */
export function isMissing(error: unknown): boolean {
  return isApiError(error) && (error.status === 404 || error.code === 'INVALID_REQUEST');
}

/** The way back from a detail page to its list, above the page title. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link
      to={to}
      className={`inline-flex items-center gap-1 rounded text-sm text-brand-700 underline-offset-2 hover:underline ${focusRing}`}
    >
      <span aria-hidden="true">←</span> {children}
    </Link>
  );
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
  const action = back ? (
    <Link to={back.to} className={buttonClasses('secondary')}>
      {back.label}
    </Link>
  ) : undefined;
  return (
    <Panel>
      <EmptyState icon="search" title={title} action={action}>
        {children}
      </EmptyState>
    </Panel>
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
