import type { Pack } from '@idv/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import {
  Busy,
  buttonClasses,
  DescriptionList,
  EmptyState,
  PageHeader,
  Panel,
  Skeleton,
} from '../../../components/ui/index.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { formatCount } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { packQueryOptions } from '../api/pack.ts';
import { packUsageQueryOptions } from '../api/pack-usage.ts';
import { PackStatusBadge } from '../components/pack-status-badge.tsx';
import { PackUsageCell } from '../components/pack-usage-cell.tsx';
import { RefundCell } from '../components/refund-cell.tsx';
import { UsageChart } from '../components/usage-chart.tsx';

function BackLink() {
  const { t } = useI18n();
  return (
    <Link
      to="/packs"
      className="inline-flex items-center gap-1 text-sm text-brand-700 underline-offset-2 hover:underline"
    >
      <span aria-hidden="true">←</span> {t('packs.detail.back')}
    </Link>
  );
}

function Overview({ pack }: { pack: Pack }) {
  const { t, tMaybe, locale } = useI18n();
  const cst = `(${t('common.cst')})`;
  return (
    <Panel title={t('packs.detail.overview')} headingId="pack-overview">
      <DescriptionList
        columns={4}
        items={[
          { key: 'label', term: t('packs.col.label'), value: locale === 'zh-CN' ? pack.labelNameZh : pack.labelNameEn },
          { key: 'code', term: t('packs.detail.labelCode'), value: <span className="font-mono">{pack.label}</span> },
          { key: 'product', term: t('packs.detail.product'), value: tMaybe(`product.${pack.product}`, pack.product) },
          { key: 'source', term: t('packs.col.source'), value: t(`packs.source.${pack.source}`) },
          {
            key: 'total',
            term: t('packs.col.total'),
            value: <span className="tabular">{formatCount(pack.total)}</span>,
          },
          {
            key: 'remaining',
            term: t('packs.col.remaining'),
            value: <span className="tabular">{formatCount(pack.remaining)}</span>,
          },
          { key: 'used', term: t('packs.col.used'), value: <PackUsageCell pack={pack} /> },
          { key: 'status', term: t('packs.col.status'), value: <PackStatusBadge status={pack.status} /> },
          {
            key: 'acquired',
            term: `${t('packs.col.acquiredAt')} ${cst}`,
            value: <span className="tabular">{formatDateTime(pack.acquiredAt)}</span>,
          },
          {
            key: 'expires',
            term: `${t('packs.col.expiresAt')} ${cst}`,
            value: <span className="tabular">{formatDateTime(pack.expiresAt)}</span>,
          },
          {
            key: 'order',
            term: t('packs.detail.order'),
            value: pack.orderId ? (
              <span className="font-mono text-xs break-all">{pack.orderId}</span>
            ) : (
              t('common.dash')
            ),
          },
          {
            key: 'refund',
            term: t('packs.detail.refundTitle'),
            value: <RefundCell pack={pack} compact={false} />,
          },
        ]}
      />
    </Panel>
  );
}

function Usage({ id }: { id: string }) {
  const { t } = useI18n();
  const usage = useQuery(packUsageQueryOptions(id));
  return (
    <Panel title={t('packs.usage.title')} description={t('packs.usage.subtitle')} headingId="pack-usage">
      {usage.isPending ? (
        <Busy label={t('common.loading')}>
          <Skeleton className="h-48 w-full" />
        </Busy>
      ) : usage.isError ? (
        <QueryError error={usage.error} onRetry={() => void usage.refetch()} />
      ) : usage.data.items.length === 0 ? (
        <EmptyState headingLevel={3} title={t('packs.usage.empty')} className="py-8" />
      ) : (
        <UsageChart items={usage.data.items} />
      )}
    </Panel>
  );
}

export function PackDetailRoute() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const pack = useQuery(packQueryOptions(id));

  if (pack.isPending) {
    return (
      <Busy label={t('common.loading')}>
        <div className="mb-5 flex flex-col gap-3">
          <Skeleton className="h-4 w-32" />
          <Skeleton className="h-7 w-72" />
        </div>
        <Skeleton className="h-48 w-full" />
      </Busy>
    );
  }
  if (pack.isError) {
    // A malformed id is a 400 from the API; for the user both mean "no such pack".
    const missing = isApiError(pack.error) && (pack.error.status === 404 || pack.error.code === 'INVALID_REQUEST');
    return (
      <>
        <PageHeader title={t('packs.detail.title', { id })} back={<BackLink />} />
        {missing ? (
          <Panel>
            <EmptyState
              icon="search"
              title={t('packs.detail.notFoundTitle')}
              action={
                <Link to="/packs" className={buttonClasses('secondary')}>
                  {t('packs.detail.back')}
                </Link>
              }
            >
              {t('packs.detail.notFoundBody')}
            </EmptyState>
          </Panel>
        ) : (
          <QueryError error={pack.error} onRetry={() => void pack.refetch()} />
        )}
      </>
    );
  }

  const p = pack.data;
  return (
    <>
      <PageHeader
        back={<BackLink />}
        title={
          <span className="flex flex-wrap items-center gap-3">
            {locale === 'zh-CN' ? p.labelNameZh : p.labelNameEn}
            <PackStatusBadge status={p.status} />
          </span>
        }
        description={t('packs.detail.title', { id: p.id })}
        actions={
          <div className="flex flex-wrap gap-2 text-sm">
            <Link
              className="rounded border border-slate-300 px-3 py-1.5 text-blue-800 hover:bg-slate-50"
              to={`/planner/forecast/${p.id}`}
            >
              {t('packs.detail.forecastLink')}
            </Link>
            <Link
              className="rounded border border-slate-300 px-3 py-1.5 text-blue-800 hover:bg-slate-50"
              to={`/explain?packId=${p.id}`}
            >
              {t('packs.detail.explainLink')}
            </Link>
          </div>
        }
      />
      <div className="flex flex-col gap-5">
        <Overview pack={p} />
        <Usage id={p.id} />
      </div>
    </>
  );
}
