import type { PackForecast } from '@idv/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { BackLink } from '../../../components/back-link.tsx';
import { DetailView, NotFound } from '../../../components/detail-view.tsx';
import { buttonClasses, DataTable, DescriptionList, PageHeader, Panel } from '../../../components/ui/index.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { formatCount, formatMoney } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { forecastQueryOptions } from '../api/forecast.ts';
import { AutoTopupNote } from '../components/auto-topup-note.tsx';
import { ForecastChart } from '../components/forecast-chart.tsx';
import { historyPlanHref } from '../search-params.ts';

function Summary({ f }: { f: PackForecast }) {
  const { t, locale } = useI18n();
  const runOut = f.status !== 'active' ? t('forecast.runOutDone') : (f.runOutDate ?? t('forecast.runOutNever'));
  return (
    <Panel title={t('forecast.summary.title')} headingId="forecast-summary">
      <div className="flex flex-col gap-4">
        <DescriptionList
          columns={3}
          items={[
            { key: 'runOut', term: t('forecast.runOut'), value: <span className="tabular">{runOut}</span> },
            {
              key: 'unused',
              term: t('forecast.expiringUnused'),
              value: <span className="tabular">{formatCount(f.expiringUnused)}</span>,
            },
            {
              key: 'remaining',
              term: t('forecast.remaining'),
              value: (
                <span className="tabular">
                  {formatCount(f.remaining)} / {formatCount(f.total)}
                </span>
              ),
            },
            {
              key: 'expires',
              term: `${t('forecast.expiresAt')} (${t('common.cst')})`,
              value: <span className="tabular">{formatDateTime(f.expiresAt)}</span>,
            },
            {
              key: 'postpaid',
              term: t('forecast.postpaid', { horizon: f.horizon }),
              value: (
                <span className="tabular">
                  {formatMoney(f.postpaidSpend)}{' '}
                  <span className="text-slate-600">
                    ({t('forecast.postpaidCalls', { calls: formatCount(f.postpaidCalls) })})
                  </span>
                </span>
              ),
            },
            {
              key: 'trend',
              term: t('forecast.method.title'),
              value: <span className="tabular">{t('forecast.trend', { trend: f.trendPerDay })}</span>,
            },
          ]}
        />
        {f.refusedCalls > 0 ? (
          <p className="text-sm text-amber-800">{t('forecast.refused', { calls: formatCount(f.refusedCalls) })}</p>
        ) : null}
        <div>
          <h3 className="text-sm font-semibold text-slate-900">{t('forecast.method.title')}</h3>
          <p className="mt-1 max-w-3xl text-sm text-slate-700" lang={locale === 'zh-CN' ? 'zh-CN' : 'en'}>
            {locale === 'zh-CN' ? f.methodZh : f.method}
          </p>
        </div>
        <div className="flex flex-wrap gap-4">
          <Link to={historyPlanHref(f.label)} className={buttonClasses('primary')}>
            {t('forecast.planFromUsageLink')}
          </Link>
          <Link to={`/planner?label=${encodeURIComponent(f.label)}`} className={buttonClasses('secondary')}>
            {t('forecast.planLink')}
          </Link>
          <Link to={`/explain?packId=${f.packId}`} className={buttonClasses('secondary')}>
            {t('forecast.explainLink')}
          </Link>
        </div>
      </div>
    </Panel>
  );
}

function Points({ f }: { f: PackForecast }) {
  const { t } = useI18n();
  return (
    <details className="mt-3">
      <summary className="cursor-pointer text-sm text-brand-700">{t('forecast.table.toggle')}</summary>
      <div className="mt-2 max-h-96 overflow-y-auto">
        <DataTable
          caption={t('forecast.table.caption')}
          rows={f.points}
          rowKey={(p) => p.date}
          columns={[
            { key: 'date', head: t('forecast.col.date'), className: 'tabular', cell: (p) => p.date },
            {
              key: 'kind',
              head: t('forecast.col.kind'),
              cell: (p) => (p.actual ? t('forecast.chart.actual') : t('forecast.chart.projected')),
            },
            { key: 'calls', head: t('forecast.col.calls'), align: 'right', cell: (p) => formatCount(p.labelCalls) },
            { key: 'left', head: t('forecast.col.remaining'), align: 'right', cell: (p) => formatCount(p.remaining) },
          ]}
        />
      </div>
    </details>
  );
}

/** Issue 9: a pack's burn-down forecast, actual vs projected, with the method in plain words. */
export function ForecastRoute() {
  const { t } = useI18n();
  const { packId = '' } = useParams();
  const forecast = useQuery(forecastQueryOptions(packId));
  const title = t('forecast.title', { id: packId });

  const back = (label?: string) => (
    <BackLink to={label ? `/planner?label=${encodeURIComponent(label)}` : '/planner'}>{t('forecast.back')}</BackLink>
  );
  return (
    <DetailView
      query={forecast}
      skeleton="h-64"
      header={<PageHeader title={title} back={back()} />}
      notFound={<NotFound title={t('forecast.notFoundTitle')}>{t('forecast.notFoundBody')}</NotFound>}
    >
      {(f) => (
        <>
          <PageHeader title={title} description={f.label} back={back(f.label)} />
          <div className="flex flex-col gap-5">
            <AutoTopupNote label={f.label} />
            <Summary f={f} />
            <Panel title={t('forecast.chart.title')} headingId="forecast-chart">
              <ForecastChart forecast={f} />
              <Points f={f} />
            </Panel>
          </div>
        </>
      )}
    </DetailView>
  );
}
