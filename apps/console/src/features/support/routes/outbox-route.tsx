import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { ItemsQueryView } from '../../../components/items-query-view.tsx';
import { SkeletonLines } from '../../../components/skeleton-lines.tsx';
import {
  Badge,
  type BadgeTone,
  Button,
  EmptyState,
  PageHeader,
  Panel,
  Table,
  TBody,
  Td,
  THead,
  Th,
  Tr,
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
            <Table caption={t('support.outbox.caption')} busy={list.isFetching}>
              <THead>
                <tr>
                  <Th>{t('support.outbox.col.sentAt')}</Th>
                  <Th>{t('support.outbox.col.channel')}</Th>
                  <Th>{t('support.outbox.col.recipient')}</Th>
                  <Th>{t('support.outbox.col.subject')}</Th>
                  <Th>{t('support.outbox.col.account')}</Th>
                  <Th>{t('support.outbox.col.status')}</Th>
                  <Th align="right">{t('support.outbox.col.attempts')}</Th>
                </tr>
              </THead>
              <TBody>
                {data.items.map((m) => (
                  <Tr key={m.id}>
                    <Td className="whitespace-nowrap tabular">{formatDateTime(m.sentAt)}</Td>
                    <Td>{tMaybe(`support.outbox.channel.${m.channel}`, m.channel)}</Td>
                    <Td className="break-all">{m.recipient}</Td>
                    <Td className="max-w-md">
                      <details>
                        <summary className="cursor-pointer text-slate-900">{m.subject || t('common.dash')}</summary>
                        <p className="mt-1 text-xs text-slate-600">{tMaybe(`support.outbox.kind.${m.kind}`, m.kind)}</p>
                        <pre className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-2 text-xs text-slate-800">
                          {m.body}
                        </pre>
                      </details>
                    </Td>
                    <Td className="font-mono text-xs">{m.accountId}</Td>
                    <Td>
                      <Badge tone={statusTone[m.status] ?? 'neutral'}>
                        {tMaybe(`support.outbox.status.${m.status}`, m.status)}
                      </Badge>
                    </Td>
                    <Td align="right">{m.attempts}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
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
