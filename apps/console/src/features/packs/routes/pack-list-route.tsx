import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { Pager, useCursorSearch } from '../../../components/pager.tsx';
import { QueryView } from '../../../components/query-view.tsx';
import { buttonClasses, EmptyState, PageHeader, Panel } from '../../../components/ui/index.ts';
import { useT } from '../../../lib/i18n.tsx';
import { catalogQueryOptions } from '../api/catalog.ts';
import { packsQueryOptions } from '../api/packs.ts';
import { packProjectionsQueryOptions } from '../api/projections.ts';
import { AutoTopupPanel } from '../components/auto-topup-panel.tsx';
import { PackFilters } from '../components/pack-filters.tsx';
import { PackTable, PackTableSkeleton } from '../components/pack-table.tsx';
import { hasFilters, parsePackListSearch, toSearchParams } from '../search-params.ts';

export function PackListRoute() {
  const t = useT();
  const [params] = useSearchParams();
  const search = parsePackListSearch(params);
  const { update, goNext, goPrev, hasPrev } = useCursorSearch(search, toSearchParams);

  const packs = useQuery(packsQueryOptions(search));
  const catalog = useQuery(catalogQueryOptions());
  // Issue 9: projections of the visible active packs, after the rows and without holding them up; if
  // they fail, the bars simply have no projection marker.
  const activeIds = (packs.data?.items ?? []).filter((p) => p.status === 'active').map((p) => p.id);
  const projections = useQuery(packProjectionsQueryOptions(activeIds));
  const data = packs.data;

  return (
    <>
      <PageHeader title={t('packs.title')} description={t('packs.subtitle')} />
      <Panel bodyClassName="p-0">
        <div className="border-b border-slate-200 px-5 py-4">
          <PackFilters search={search} labels={catalog.data?.items} onChange={update} />
        </div>
        <AutoTopupPanel label={search.label} labels={catalog.data?.items} />
        <QueryView
          query={packs}
          loading={<PackTableSkeleton />}
          loadingClassName=""
          keepData
          isEmpty={(d) => d.items.length === 0}
          empty={
            hasFilters(search) ? (
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
            )
          }
        >
          {(d) => <PackTable packs={d.items} busy={packs.isPlaceholderData} projections={projections.data} />}
        </QueryView>
        {data ? (
          <Pager
            label={t('packs.pagination')}
            shown={t('packs.page.count', { count: data.items.length })}
            cursor={search.cursor}
            nextCursor={data.nextCursor}
            hasPrev={hasPrev}
            onFirst={() => update({})}
            onPrev={goPrev}
            onNext={goNext}
          />
        ) : null}
      </Panel>
    </>
  );
}
