import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { QueryView } from '../../../components/query-view.tsx';
import { TimelineTable } from '../../../components/timeline-table.tsx';
import { Button, EmptyState, Field, Input, Panel } from '../../../components/ui/index.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { staffTimelineQueryOptions } from '../api/staff-timeline.ts';

const REASON_MAX = 200;

/**
 * Issue 18: the account's timeline in the staff console, without impersonating it. Nothing is read until
 * the agent asks (each read is audited with the reason given); then pages of 50, newest first.
 */
export function AccountTimeline({ accountId }: { accountId: string }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState('');
  const [asked, setAsked] = useState<{ reason: string; cursor?: string } | null>(null);
  const timeline = useQuery({
    ...staffTimelineQueryOptions(accountId, asked?.reason ?? '', asked?.cursor),
    enabled: asked !== null,
  });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setAsked({ reason: draft.trim() });
  }

  return (
    <Panel
      title={t('support.timeline.title')}
      description={t('support.timeline.description')}
      headingId="timeline-heading"
    >
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
        <Field label={t('support.timeline.reason')} hint={t('support.timeline.reasonHint')} className="min-w-64 flex-1">
          {(p) => (
            <Input
              {...p}
              name="timeline-reason"
              maxLength={REASON_MAX}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
            />
          )}
        </Field>
        <Button type="submit">{t('support.timeline.show')}</Button>
      </form>
      <div className="mt-4">
        {asked === null ? (
          <p className="text-sm text-slate-600">{t('support.timeline.idle')}</p>
        ) : (
          <QueryView
            query={timeline}
            padded={false}
            isEmpty={(d) => d.items.length === 0}
            empty={<EmptyState title={t('support.timeline.empty')}>{t('support.timeline.emptyBody')}</EmptyState>}
          >
            {(data) => (
              <>
                <TimelineTable
                  items={data.items}
                  caption={t('support.timeline.caption')}
                  busy={timeline.isPlaceholderData}
                />
                {asked.cursor || data.nextCursor ? (
                  <nav aria-label={t('support.timeline.pagination')} className="mt-3 flex justify-end gap-2">
                    {asked.cursor ? (
                      <Button size="sm" onClick={() => setAsked({ reason: asked.reason })}>
                        {t('support.outbox.first')}
                      </Button>
                    ) : null}
                    <Button
                      size="sm"
                      disabled={!data.nextCursor}
                      onClick={() => {
                        const next = data.nextCursor;
                        if (next) setAsked({ reason: asked.reason, cursor: next });
                      }}
                    >
                      {t('support.outbox.next')}
                    </Button>
                  </nav>
                ) : null}
              </>
            )}
          </QueryView>
        )}
      </div>
    </Panel>
  );
}
