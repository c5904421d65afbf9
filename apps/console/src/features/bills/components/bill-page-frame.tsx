import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Pager } from '../../../components/pager.tsx';
import { QueryView } from '../../../components/query-view.tsx';
import { EmptyState, PageHeader, Panel } from '../../../components/ui/index.ts';
import { formatCount } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n.tsx';
import { catalogQueryOptions } from '../api/catalog.ts';
import { accountResourcesQueryOptions } from '../api/resources-list.ts';
import { EXTRA_PRODUCTS } from '../labels.ts';
import { hasBillFilters } from '../search-params.ts';
import type { useBillSearch } from '../use-bill-search.ts';
import { BillFilters } from './bill-filters.tsx';
import { BillTabs } from './bill-tabs.tsx';
import { FutureMonth } from './future-month.tsx';

/** A page of bill rows as the API returns it. */
interface BillPage {
  items: readonly unknown[];
  nextCursor: string | null;
}

/**
 * The frame shared by the resource-ID and itemized bills: title, tabs, filters, then the table panel
 * (or, for a month still ahead, a plain "not started" state) with its summary line, the loading, error
 * and empty states (filtered or not), the table `children` draws, and the pager.
 */
export function BillPageFrame<T extends BillPage>({
  state,
  query,
  pending,
  rows,
  summary,
  actions,
  notice,
  children,
}: {
  state: ReturnType<typeof useBillSearch>;
  query: UseQueryResult<T>;
  /** Also loading while this is true (the column preferences of the itemized bill). */
  pending?: boolean;
  /** How many skeleton rows stand in for the table while it loads. */
  rows: number;
  summary: (data: T) => ReactNode;
  actions?: ReactNode;
  /** Shown above the table (e.g. a failed side query). */
  notice?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const t = useT();
  const catalog = useQuery(catalogQueryOptions());
  const resources = useQuery(accountResourcesQueryOptions());
  const products = [...new Set([...(catalog.data?.items ?? []).map((c) => c.product), ...EXTRA_PRODUCTS])];
  const { search, month } = state;
  return (
    <>
      <PageHeader title={t('bills.title')} description={t('bills.subtitle')} />
      <BillTabs search={search} month={month} />
      <Panel bodyClassName="p-0">
        <div className="border-b border-slate-200 px-5 py-4">
          <BillFilters
            search={search}
            month={month}
            maxMonth={state.currentMonth}
            products={products}
            resources={resources.data?.items}
            onChange={state.update}
          />
        </div>
        {state.future ? (
          // Issue 17: a month still ahead has no bill (the routes do not ask the API for it).
          <FutureMonth
            month={month}
            currentMonth={state.currentMonth}
            onCurrent={() => state.update({ month: undefined })}
          />
        ) : (
          <>
            <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-5 py-3">
              <div aria-live="polite" className="text-sm text-slate-700">
                {query.data ? summary(query.data) : t('common.loading')}
              </div>
              {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
            </div>
            {notice}
            <QueryView
              query={query}
              pending={pending}
              rows={rows}
              skeleton="h-8"
              keepData
              isEmpty={(d) => d.items.length === 0}
              empty={
                hasBillFilters(search) ? (
                  <EmptyState icon="search" title={t('bills.empty.filteredTitle')}>
                    {t('bills.empty.filteredBody')}
                  </EmptyState>
                ) : (
                  <EmptyState title={t('bills.empty.noneTitle')}>{t('bills.empty.noneBody', { month })}</EmptyState>
                )
              }
            >
              {children}
            </QueryView>
            {query.data ? (
              <Pager
                label={t('bills.pagination')}
                shown={t('bills.page.shown', { count: formatCount(query.data.items.length) })}
                keys={{ first: 'bills.page.first', prev: 'bills.page.prev', next: 'bills.page.next' }}
                cursor={search.cursor}
                nextCursor={query.data.nextCursor}
                hasPrev={state.hasPrev}
                onFirst={() => state.update({})}
                onPrev={state.goPrev}
                onNext={state.goNext}
              />
            ) : null}
          </>
        )}
      </Panel>
    </>
  );
}
