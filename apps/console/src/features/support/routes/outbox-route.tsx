import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { ItemsQueryView } from '../../../components/items-query-view.tsx';
import { SkeletonLines } from '../../../components/skeleton-lines.tsx';
import {
  Badge,
  type BadgeTone,
  Button,
  DataTable,
  EmptyState,
  PageHeader,
  Panel,
} from '../../../components/ui/index.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { outboxQueryOptions } from '../api/outbox.ts';
import { supportOnly } from '../components/staff-only.tsx';

const statusTone: Record<string, BadgeTone> = { sent: 'success', pending: 'warning', failed: 'danger' };

/** Staff: the email and SMS outbox (R7): what was sent to whom, and what is still waiting or failed. */
export const OutboxRoute = supportOnly(Outbox);

function Outbox() {
  const { t, tMaybe } = useI18n();
  const [params, setParams] = useSearchParams();
  const cursor = params.get('cursor') ?? undefined;
  const list = useQuery(outboxQueryOptions(cursor));
  return (
    <>
      <PageHeader
        title={t('support.outbox.title')}
        description={t('support.outbox.subtitle')}
        back={
          <Link to="/support" className="text-sm text-brand-700 underline-offset-2 hover:underline">
            ← {t('support.back')}
          </Link>
        }
        actions={
          <Button onClick={() => void list.refetch()} loading={list.isFetching && !list.isPending}>
            {t('support.outbox.refresh')}
          </Button>
        }
      />
      <Panel bodyClassName="p-0">
        <ItemsQueryView
          query={list}
          loading={<SkeletonLines count={3} />}
          empty={<EmptyState title={t('support.outbox.emptyTitle')}>{t('support.outbox.emptyBody')}</EmptyState>}
        >
          {(data) => (
            <DataTable
              caption={t('support.outbox.caption')}
              busy={list.isFetching}
              rows={data.items}
              columns={[
                {
                  key: 'sentAt',
                  head: t('support.outbox.col.sentAt'),
                  className: 'whitespace-nowrap tabular',
                  cell: (m) => formatDateTime(m.sentAt),
                },
                {
                  key: 'channel',
                  head: t('support.outbox.col.channel'),
                  cell: (m) => tMaybe(`support.outbox.channel.${m.channel}`, m.channel),
                },
                {
                  key: 'recipient',
                  head: t('support.outbox.col.recipient'),
                  className: 'break-all',
                  cell: (m) => m.recipient,
                },
                {
                  key: 'subject',
                  head: t('support.outbox.col.subject'),
                  className: 'max-w-md',
                  cell: (m) => (
                    <details>
                      <summary className="cursor-pointer text-slate-900">{m.subject || t('common.dash')}</summary>
                      <p className="mt-1 text-xs text-slate-600">{tMaybe(`support.outbox.kind.${m.kind}`, m.kind)}</p>
                      <pre className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-2 text-xs text-slate-800">
                        {m.body}
                      </pre>
                    </details>
                  ),
                },
                {
                  key: 'account',
                  head: t('support.outbox.col.account'),
                  className: 'font-mono text-xs',
                  cell: (m) => m.accountId,
                },
                {
                  key: 'status',
                  head: t('support.outbox.col.status'),
                  cell: (m) => (
                    <Badge tone={statusTone[m.status] ?? 'neutral'}>
                      {tMaybe(`support.outbox.status.${m.status}`, m.status)}
                    </Badge>
                  ),
                },
                { key: 'attempts', head: t('support.outbox.col.attempts'), align: 'right', cell: (m) => m.attempts },
              ]}
            />
          )}
        </ItemsQueryView>
      </Panel>
      {list.data && (cursor || list.data.nextCursor) ? (
        <nav aria-label={t('support.outbox.pagination')} className="mt-4 flex gap-2">
          <Button disabled={!cursor} onClick={() => setParams({})}>
            {t('support.outbox.first')}
          </Button>
          <Button
            disabled={!list.data.nextCursor}
            onClick={() => list.data.nextCursor && setParams({ cursor: list.data.nextCursor })}
          >
            {t('support.outbox.next')}
          </Button>
        </nav>
      ) : null}
    </>
  );
}
