import type { Pack } from '@idv/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { BackLink } from '../../../components/back-link.tsx';
import { DetailView, NotFound } from '../../../components/detail-view.tsx';
import { ItemsPanel } from '../../../components/items-panel.tsx';
import { DescriptionList, EmptyState, PageHeader, Panel } from '../../../components/ui/index.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { formatCount } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { packQueryOptions } from '../api/pack.ts';
import { packUsageQueryOptions } from '../api/pack-usage.ts';
import { PackStatusBadge } from '../components/pack-status-badge.tsx';
import { PackUsageCell } from '../components/pack-usage-cell.tsx';
import { RefundCell } from '../components/refund-cell.tsx';
import { UsageChart } from '../components/usage-chart.tsx';

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
    <ItemsPanel
      title={t('packs.usage.title')}
      description={t('packs.usage.subtitle')}
      headingId="pack-usage"
      query={usage}
      skeleton="h-48"
      empty={<EmptyState headingLevel={3} title={t('packs.usage.empty')} className="py-8" />}
    >
      {(d) => <UsageChart items={d.items} />}
    </ItemsPanel>
  );
}

export function PackDetailRoute() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const pack = useQuery(packQueryOptions(id));
  const back = <BackLink to="/packs">{t('packs.detail.back')}</BackLink>;

  return (
    <DetailView
      query={pack}
      header={<PageHeader title={t('packs.detail.title', { id })} back={back} />}
      notFound={
        <NotFound title={t('packs.detail.notFoundTitle')} back={{ to: '/packs', label: t('packs.detail.back') }}>
          {t('packs.detail.notFoundBody')}
        </NotFound>
      }
    >
      {(p) => (
        <>
          <PageHeader
            back={back}
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
      )}
    </DetailView>
  );
}
