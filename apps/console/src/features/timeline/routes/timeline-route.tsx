import type { TimelineKind } from '@idv/contracts';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useUrlCursor } from '../../../components/pager.tsx';
import { TIMELINE_KINDS, TimelineKindFilter, TimelineView } from '../../../components/timeline-table.tsx';
import { EmptyState, PageHeader, Panel } from '../../../components/ui/index.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { timelineQueryOptions } from '../api/timeline.ts';

/** Issue 18: one newest-first timeline of the account, filterable by kind (in the URL). */
export function TimelineRoute() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const { cursor, first, next } = useUrlCursor();
  const chosen = (params.get('kinds') ?? '')
    .split(',')
    .filter((k): k is TimelineKind => TIMELINE_KINDS.includes(k as TimelineKind));
  const timeline = useQuery(timelineQueryOptions(chosen, cursor));

  function toggle(k: TimelineKind) {
    const kinds = chosen.includes(k) ? chosen.filter((x) => x !== k) : [...chosen, k];
    setParams(kinds.length > 0 ? { kinds: kinds.join(',') } : {});
  }

  return (
    <>
      <PageHeader title={t('timeline.title')} description={t('timeline.subtitle')} />
      <Panel bodyClassName="p-0">
        <TimelineKindFilter chosen={chosen} onToggle={toggle} />
        <TimelineView
          query={timeline}
          caption={t('timeline.caption')}
          empty={<EmptyState title={t('timeline.empty')}>{t('timeline.emptyBody')}</EmptyState>}
          paging={{ label: t('timeline.paging'), cursor, onFirst: first, onNext: next }}
        />
      </Panel>
    </>
  );
}
