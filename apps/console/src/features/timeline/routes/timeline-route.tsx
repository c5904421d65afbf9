import type { TimelineKind } from '@idv/contracts';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { TIMELINE_KINDS, TimelineTable } from '../../../components/timeline-table.tsx';
import { Busy, Button, EmptyState, PageHeader, Panel, Skeleton } from '../../../components/ui/index.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { timelineQueryOptions } from '../api/timeline.ts';

const KINDS = TIMELINE_KINDS;

/** Issue 18: one newest-first timeline of the account, filterable by kind (in the URL). */
export function TimelineRoute() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const cursor = params.get('cursor') ?? undefined;
  const chosen = (params.get('kinds') ?? '')
    .split(',')
    .filter((k): k is TimelineKind => KINDS.includes(k as TimelineKind));
  const timeline = useQuery(timelineQueryOptions(chosen, cursor));

  function toggle(k: TimelineKind) {
    const next = chosen.includes(k) ? chosen.filter((x) => x !== k) : [...chosen, k];
    setParams(next.length > 0 ? { kinds: next.join(',') } : {});
  }

  return (
    <>
      <PageHeader title={t('timeline.title')} description={t('timeline.subtitle')} />
      <Panel bodyClassName="p-0">
        <fieldset className="flex flex-wrap gap-x-4 gap-y-2 border-b border-slate-200 px-5 py-3 text-sm">
          <legend className="sr-only">{t('timeline.filter')}</legend>
          {KINDS.map((k) => (
            <label key={k} className="inline-flex items-center gap-1.5">
              <input type="checkbox" checked={chosen.includes(k)} onChange={() => toggle(k)} />
              {t(`timeline.kind.${k}`)}
            </label>
          ))}
        </fieldset>
        {timeline.isPending ? (
          <Busy label={t('common.loading')} className="p-5">
            <Skeleton className="h-24 w-full" />
          </Busy>
        ) : timeline.isError ? (
          <div className="p-5">
            <QueryError error={timeline.error} onRetry={() => void timeline.refetch()} />
          </div>
        ) : timeline.data.items.length === 0 ? (
          <EmptyState title={t('timeline.empty')}>{t('timeline.emptyBody')}</EmptyState>
        ) : (
          <>
            <TimelineTable
              items={timeline.data.items}
              caption={t('timeline.caption')}
              busy={timeline.isPlaceholderData}
            />
            {cursor || timeline.data.nextCursor ? (
              <nav
                aria-label={t('timeline.paging')}
                className="flex justify-end gap-2 border-t border-slate-200 px-5 py-3"
              >
                {cursor ? (
                  <Button size="sm" onClick={() => setParams(chosen.length > 0 ? { kinds: chosen.join(',') } : {})}>
                    {t('packs.page.first')}
                  </Button>
                ) : null}
                <Button
                  size="sm"
                  disabled={!timeline.data.nextCursor}
                  onClick={() => {
                    const next = timeline.data.nextCursor;
                    if (next) setParams({ ...(chosen.length > 0 ? { kinds: chosen.join(',') } : {}), cursor: next });
                  }}
                >
                  {t('packs.page.next')}
                </Button>
              </nav>
            ) : null}
          </>
        )}
      </Panel>
    </>
  );
}
