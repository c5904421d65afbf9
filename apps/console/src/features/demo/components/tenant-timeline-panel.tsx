import { useInfiniteQuery } from '@tanstack/react-query';
import { QueryView } from '../../../components/query-view.tsx';
import { SkeletonLines } from '../../../components/skeleton-lines.tsx';
import { Button, Panel } from '../../../components/ui/index.ts';
import { useT } from '../../../lib/i18n.tsx';
import { timelinePagesQueryOptions } from '../api/clock.ts';
import { TimelineList } from './timeline-list.tsx';

/** What happened to a demo tenant, newest first, a page at a time ("more"). */
export function TenantTimelinePanel({ accountId }: { accountId: string }) {
  const t = useT();
  const timeline = useInfiniteQuery(timelinePagesQueryOptions(accountId));
  return (
    <Panel title={t('demo.timeline.title')} headingId="timeline-heading">
      <QueryView
        query={timeline}
        padded={false}
        loading={<SkeletonLines height="h-4" />}
        isEmpty={(d) => !d.pages[0]?.items.length}
        empty={<p className="text-sm text-slate-600">{t('demo.timeline.empty')}</p>}
      >
        {(data) => (
          <>
            <p className="mb-1 text-xs text-slate-600">{t('demo.timeline.newestFirst')}</p>
            <TimelineList items={data.pages.flatMap((p) => p.items)} />
            {timeline.hasNextPage ? (
              <Button
                className="mt-3"
                loading={timeline.isFetchingNextPage}
                onClick={() => void timeline.fetchNextPage()}
              >
                {t('demo.timeline.more')}
              </Button>
            ) : null}
          </>
        )}
      </QueryView>
    </Panel>
  );
}
