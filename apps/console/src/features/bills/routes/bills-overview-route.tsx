import type { BillOverview } from '@idv/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { QueryView } from '../../../components/query-view.tsx';
import { Chart, type ChartPoint } from '../../../components/ui/chart.tsx';
import { Badge, DataTable, EmptyState, focusRing, PageHeader, Panel, Skeleton } from '../../../components/ui/index.ts';
import { formatCount, formatMoney } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { billOverviewQueryOptions } from '../api/overview.ts';
import { BillTabs } from '../components/bill-tabs.tsx';
import { FutureMonth } from '../components/future-month.tsx';
import { MonthPicker } from '../components/month-picker.tsx';
import { modeKey, productName } from '../labels.ts';
import { toBillSearchParams } from '../search-params.ts';
import { useBillSearch } from '../use-bill-search.ts';

/** For bar heights only: money stays a string everywhere else (the tooltip and table show the string). */
function chartValue(amount: string): number {
  const n = Number.parseFloat(amount);
  return Number.isFinite(n) ? n : 0;
}

function compactTick(locale: string) {
  const f = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  return (n: number) => `¥${f.format(n)}`;
}

/** R5.5 overview: a month's total, its split by product and by billing mode, and the 12-month trend. */
export function BillsOverviewRoute() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { search, month, currentMonth, future, update } = useBillSearch();
  const overview = useQuery({ ...billOverviewQueryOptions(month), enabled: Boolean(month) && !future });
  const itemsLink = (extra: Record<string, string>) => `/bills/items?${toBillSearchParams({ month, ...extra })}`;

  return (
    <>
      <PageHeader title={t('bills.title')} description={t('bills.subtitle')} />
      <BillTabs search={search} month={month} />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <MonthPicker month={month} max={currentMonth} onChange={(m) => update({ month: m })} />
      </div>
      {future ? (
        <Panel>
          <FutureMonth month={month} currentMonth={currentMonth} onCurrent={() => update({ month: undefined })} />
        </Panel>
      ) : (
        <QueryView
          query={overview}
          padded={false}
          keepData
          loadingClassName="grid gap-4 lg:grid-cols-3"
          loading={
            <>
              <Skeleton className="h-32" />
              <Skeleton className="h-32" />
              <Skeleton className="h-32" />
              <Skeleton className="h-64 lg:col-span-3" />
            </>
          }
        >
          {(data) => (
            <div className="grid gap-4 lg:grid-cols-3" aria-busy={overview.isPlaceholderData || undefined}>
              <Panel title={t('bills.overview.total')} headingId="bill-total">
                <p className="text-3xl font-semibold text-slate-900 tabular" data-testid="bill-total">
                  {formatMoney(data.total)}
                </p>
                <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
                  <span>{t('bills.overview.month', { month: data.month })}</span>
                  <span>{t('bills.overview.count', { count: formatCount(data.count) })}</span>
                  {data.settled ? (
                    <Badge tone="success">{t('bills.settled')}</Badge>
                  ) : (
                    <Badge tone="warning">{t('bills.provisional')}</Badge>
                  )}
                </p>
                <Link
                  to={itemsLink({})}
                  className={`mt-4 inline-block rounded text-sm text-brand-700 hover:underline ${focusRing}`}
                >
                  {t('bills.overview.viewItems')}
                </Link>
              </Panel>
              <Panel title={t('bills.overview.byMode')} headingId="bill-by-mode">
                <ModeSplit data={data} itemsLink={itemsLink} />
              </Panel>
              <Panel title={t('bills.overview.byProduct')} headingId="bill-by-product" bodyClassName="p-0">
                {data.byProduct.length === 0 ? (
                  <EmptyState headingLevel={3} title={t('bills.overview.emptyTitle')}>
                    {t('bills.overview.emptyBody')}
                  </EmptyState>
                ) : (
                  <DataTable
                    caption={t('bills.overview.byProductCaption', { month: data.month })}
                    rows={data.byProduct}
                    rowKey={(p) => p.product}
                    columns={[
                      {
                        key: 'product',
                        head: t('bills.col.product'),
                        cell: (p) => (
                          <Link
                            to={itemsLink({ product: p.product })}
                            className={`rounded text-brand-700 hover:underline ${focusRing}`}
                          >
                            {productName(i18n, p.product)}
                          </Link>
                        ),
                      },
                      {
                        key: 'rows',
                        head: t('bills.overview.rows'),
                        align: 'right',
                        cell: (p) => formatCount(p.count),
                      },
                      { key: 'amount', head: t('bills.col.amount'), align: 'right', cell: (p) => formatMoney(p.total) },
                    ]}
                  />
                )}
              </Panel>
              <Panel
                title={t('bills.trend.title')}
                description={t('bills.trend.description')}
                headingId="bill-trend"
                className="lg:col-span-3"
              >
                <Chart
                  title={t('bills.trend.chart', { from: data.trend[0]?.month ?? '', to: data.month })}
                  summary={trendSummary(data, (k, v) => t(k, v))}
                  data={data.trend.map(
                    (p): ChartPoint => ({
                      key: p.month,
                      axisLabel: p.month.slice(2).replace('-', '/'),
                      value: chartValue(p.total),
                      display: formatMoney(p.total),
                    }),
                  )}
                  highlightKey={data.month}
                  categoryLabel={t('bills.trend.month')}
                  valueLabel={t('bills.trend.total')}
                  tableToggleLabel={t('bills.trend.showTable')}
                  formatTick={compactTick(locale)}
                />
              </Panel>
            </div>
          )}
        </QueryView>
      )}
    </>
  );
}

function trendSummary(data: BillOverview, t: (k: 'bills.trend.summary', v: Record<string, string>) => string): string {
  let max = data.trend[0];
  for (const p of data.trend) if (max && chartValue(p.total) > chartValue(max.total)) max = p;
  return t('bills.trend.summary', {
    from: data.trend[0]?.month ?? '',
    to: data.trend.at(-1)?.month ?? '',
    maxMonth: max?.month ?? '',
    max: formatMoney(max?.total ?? '0'),
  });
}

function ModeSplit({ data, itemsLink }: { data: BillOverview; itemsLink: (extra: Record<string, string>) => string }) {
  const { t } = useI18n();
  if (data.byBillingMode.length === 0) {
    return <p className="text-sm text-slate-600">{t('bills.overview.emptyBody')}</p>;
  }
  return (
    <dl className="flex flex-col gap-3">
      {data.byBillingMode.map((m) => (
        <div key={m.billingMode} className="flex items-baseline justify-between gap-3">
          <dt className="text-sm text-slate-700">
            <Link
              to={itemsLink({ billingMode: m.billingMode })}
              // Underlined: the count follows in the same line, so colour alone must not mark the link (axe link-in-text-block).
              className={`rounded text-brand-700 underline decoration-brand-300 underline-offset-2 hover:decoration-brand-700 ${focusRing}`}
            >
              {t(modeKey(m.billingMode))}
            </Link>
            <span className="ml-2 text-xs text-slate-600">
              {t('bills.overview.count', { count: formatCount(m.count) })}
            </span>
          </dt>
          <dd className="text-lg font-semibold text-slate-900 tabular">{formatMoney(m.total)}</dd>
        </div>
      ))}
    </dl>
  );
}
