import type { UseQueryResult } from '@tanstack/react-query';
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
  loading,
  padded = true,
}: {
  query: Pick<UseQueryResult<T>, 'isPending' | 'isError' | 'error' | 'data' | 'refetch'>;
  children: (data: T) => ReactNode;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  /** Height class of the default skeleton (e.g. "h-40"); ignored when `loading` is given. */
  skeleton?: string;
  /** A custom loading body (still wrapped in the labelled busy region). */
  loading?: ReactNode;
  /** Pad the loading and error states (for panels whose body has no padding). */
  padded?: boolean;
}) {
  const t = useT();
  const pad = padded ? 'p-5' : undefined;
  if (query.isPending) {
    return (
      <Busy label={t('common.loading')} className={pad}>
        {loading ?? <Skeleton className={`${skeleton} w-full`} />}
      </Busy>
    );
  }
  if (query.isError || query.data === undefined) {
    return (
      <div className={pad}>
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  }
  if (isEmpty?.(query.data)) return <>{empty}</>;
  return <>{children(query.data)}</>;
}
