import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { PageHeader, Panel } from '../../../components/ui/index.ts';
import { useT } from '../../../lib/i18n.tsx';
import { catalogQueryOptions } from '../api/catalog.ts';
import { accountResourcesQueryOptions } from '../api/resources-list.ts';
import { EXTRA_PRODUCTS } from '../labels.ts';
import type { useBillSearch } from '../use-bill-search.ts';
import { BillFilters } from './bill-filters.tsx';
import { BillTabs } from './bill-tabs.tsx';
import { FutureMonth } from './future-month.tsx';

/**
 * The frame shared by the resource-ID and itemized bills: title, tabs, filters, then the table panel
 * (or, for a month still ahead, a plain "not started" state).
 */
export function BillPageFrame({
  state,
  summary,
  actions,
  children,
}: {
  state: ReturnType<typeof useBillSearch>;
  summary: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  const catalog = useQuery(catalogQueryOptions());
  const resources = useQuery(accountResourcesQueryOptions());
  const products = [...new Set([...(catalog.data?.items ?? []).map((c) => c.product), ...EXTRA_PRODUCTS])];
  return (
    <>
      <PageHeader title={t('bills.title')} description={t('bills.subtitle')} />
      <BillTabs search={state.search} month={state.month} />
      <Panel bodyClassName="p-0">
        <div className="border-b border-slate-200 px-5 py-4">
          <BillFilters
            search={state.search}
            month={state.month}
            maxMonth={state.currentMonth}
            products={products}
            resources={resources.data?.items}
            onChange={state.update}
          />
        </div>
        {state.future ? (
          // Issue 17: a month still ahead has no bill (the routes do not ask the API for it).
          <FutureMonth
            month={state.month}
            currentMonth={state.currentMonth}
            onCurrent={() => state.update({ month: undefined })}
          />
        ) : (
          <>
            <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-5 py-3">
              <div aria-live="polite" className="text-sm text-slate-700">
                {summary}
              </div>
              {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
            </div>
            {children}
          </>
        )}
      </Panel>
    </>
  );
}
