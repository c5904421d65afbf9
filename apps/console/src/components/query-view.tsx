import type { UseQueryResult } from '@tanstack/react-query';
import { clsx } from 'clsx';
import type { ReactNode } from 'react';
import { useT } from '../lib/i18n.tsx';
import { QueryError } from './query-error.tsx';
import { Busy, Skeleton } from './ui/spinner.tsx';

/**
 * The one sequence every list and detail view goes through: loading (a labelled skeleton),
 * error (the reason and a retry), empty (when `isEmpty` says so) and the content.
 *
 *   <QueryView query={refunds} skeleton="h-24" isEmpty={(d) => d.items.length === 0}
 *     empty={<EmptyState title={t('refund.list.empty')} />}>
 *     {(data) => <Table …/>}
 *   </QueryView>
 */
export function QueryView<T>({
  query,
  children,
  isEmpty,
  empty,
  skeleton = 'h-24',
  rows,
  loading,
  loadingClassName,
  padded = true,
  keepData = false,
  pending = false,
}: {
  query: Pick<UseQueryResult<T>, 'isPending' | 'isError' | 'error' | 'data' | 'refetch'>;
  children: (data: T) => ReactNode;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  /** Height class of the default skeleton (e.g. "h-40"); ignored when `loading` is given. */
  skeleton?: string;
  /** Show that many skeletons (classes `skeleton`) in a column instead of one block, e.g. for a table. */
  rows?: number;
  /** A custom loading body (still wrapped in the labelled busy region). */
  loading?: ReactNode;
  /** Classes of the busy region (replaces the padding; e.g. a grid for skeleton cards). */
  loadingClassName?: string;
  /** Pad the loading and error states (for panels whose body has no padding). */
  padded?: boolean;
  /**
   * When a refetch fails while earlier data is at hand (a placeholder page, a page already loaded),
   * keep showing that data under the error instead of the error alone.
   */
  keepData?: boolean;
  /** Also loading while this is true (another query the content needs). */
  pending?: boolean;
}) {
  const t = useT();
  const pad = padded ? 'p-5' : undefined;
  if (query.isPending || pending) {
    // Several rows stand in for a table (or the cards of a grid `loadingClassName` lays out).
    const placeholders = rows
      ? [...Array(rows).keys()].map((i) => <Skeleton key={i} className={skeleton} />)
      : [<Skeleton key={0} className={`${skeleton} w-full`} />];
    return (
      <Busy label={t('common.loading')} className={loadingClassName ?? clsx(rows && 'flex flex-col gap-3', pad)}>
        {loading ?? placeholders}
      </Busy>
    );
  }
  const data = query.data;
  const error = (className: string | undefined) => (
    <div className={className}>
      <QueryError error={query.error} onRetry={() => void query.refetch()} />
    </div>
  );
  if (data === undefined || (query.isError && !keepData)) return error(pad);
  return (
    <>
      {query.isError ? error(padded ? 'px-5 pt-4' : 'mb-4') : null}
      {isEmpty?.(data) ? empty : children(data)}
    </>
  );
}
