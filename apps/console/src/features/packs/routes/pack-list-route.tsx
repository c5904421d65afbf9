import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { Busy, Button, buttonClasses, EmptyState, PageHeader, Panel } from '../../../components/ui/index.ts';
import { useT } from '../../../lib/i18n.tsx';
import { catalogQueryOptions } from '../api/catalog.ts';
import { packsQueryOptions } from '../api/packs.ts';
import { packProjectionsQueryOptions } from '../api/projections.ts';
import { AutoTopupPanel } from '../components/auto-topup-panel.tsx';
import { PackFilters } from '../components/pack-filters.tsx';
import { PackTable, PackTableSkeleton } from '../components/pack-table.tsx';
import { hasFilters, type PackListSearch, parsePackListSearch, toSearchParams } from '../search-params.ts';

/** Cursors of the pages before this one, kept in history state so "Previous" can go back. */
interface PagingState {
  prevCursors?: string[];
}

function readPrev(state: unknown): string[] {
  const s = state as PagingState | null;
  return Array.isArray(s?.prevCursors) ? s.prevCursors.filter((c) => typeof c === 'string') : [];
}

export function PackListRoute() {
  const t = useT();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const search = parsePackListSearch(params);
  const prevCursors = readPrev(location.state);

  const packs = useQuery(packsQueryOptions(search));
  const catalog = useQuery(catalogQueryOptions());
  // Issue 9: projections of the visible active packs, after the rows and without holding them up; if
  // they fail, the bars simply have no projection marker.
  const activeIds = (packs.data?.items ?? []).filter((p) => p.status === 'active').map((p) => p.id);
  const projections = useQuery(packProjectionsQueryOptions(activeIds));

  function update(patch: Partial<PackListSearch>) {
    // A new filter or sort starts again from the first page.
    setParams(toSearchParams({ ...search, ...patch, cursor: undefined }));
  }

  function goNext(cursor: string) {
    setParams(toSearchParams({ ...search, cursor }), { state: { prevCursors: [...prevCursors, search.cursor ?? ''] } });
  }

  function goPrev() {
    const stack = [...prevCursors];
    const prev = stack.pop();
    setParams(toSearchParams({ ...search, cursor: prev || undefined }), { state: { prevCursors: stack } });
  }

  const filtered = hasFilters(search);
  const data = packs.data;

  let body: ReactNode;
  if (packs.isPending) {
    body = (
      <Busy label={t('common.loading')}>
        <PackTableSkeleton />
      </Busy>
    );
  } else if (packs.isError && !data) {
    body = (
      <div className="p-5">
        <QueryError error={packs.error} onRetry={() => void packs.refetch()} />
      </div>
    );
  } else if (data && data.items.length === 0) {
    body = filtered ? (
      <EmptyState
        icon="search"
        title={t('packs.empty.filteredTitle')}
        action={
          <Link to="/packs" className={buttonClasses('secondary')}>
            {t('packs.filter.reset')}
          </Link>
        }
      >
        {t('packs.empty.filteredBody')}
      </EmptyState>
    ) : (
      <EmptyState title={t('packs.empty.noneTitle')}>{t('packs.empty.noneBody')}</EmptyState>
    );
  } else if (data) {
    body = <PackTable packs={data.items} busy={packs.isPlaceholderData} projections={projections.data} />;
  }

  const showPaging = Boolean(data && (data.nextCursor || search.cursor));

  return (
    <>
      <PageHeader title={t('packs.title')} description={t('packs.subtitle')} />
      <Panel bodyClassName="p-0">
        <div className="border-b border-slate-200 px-5 py-4">
          <PackFilters search={search} labels={catalog.data?.items} onChange={update} />
        </div>
        <AutoTopupPanel label={search.label} labels={catalog.data?.items} />
        {packs.isError && data ? (
          <div className="px-5 pt-4">
            <QueryError error={packs.error} onRetry={() => void packs.refetch()} />
          </div>
        ) : null}
        {body}
        {showPaging && data ? (
          <nav
            aria-label={t('packs.pagination')}
            className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 px-5 py-3"
          >
            <span className="text-sm text-slate-600">{t('packs.page.count', { count: data.items.length })}</span>
            <div className="flex gap-2">
              {search.cursor ? (
                prevCursors.length > 0 ? (
                  <Button size="sm" onClick={goPrev}>
                    {t('packs.page.prev')}
                  </Button>
                ) : (
                  <Button size="sm" onClick={() => update({})}>
                    {t('packs.page.first')}
                  </Button>
                )
              ) : null}
              <Button size="sm" disabled={!data.nextCursor} onClick={() => data.nextCursor && goNext(data.nextCursor)}>
                {t('packs.page.next')}
              </Button>
            </div>
          </nav>
        ) : null}
      </Panel>
    </>
  );
}
