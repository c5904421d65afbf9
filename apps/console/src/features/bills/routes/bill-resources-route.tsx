import type { BillResourceRow } from '@idv/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Badge, type Column, DataTable, focusRing } from '../../../components/ui/index.ts';
import { formatCount, formatMoney } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { billResourcesQueryOptions } from '../api/resources.ts';
import { BillPageFrame } from '../components/bill-page-frame.tsx';
import { productName } from '../labels.ts';
import { toBillSearchParams } from '../search-params.ts';
import { useBillSearch } from '../use-bill-search.ts';

/** R5.5 resource-ID bill: one row per resource (and product); a row drills into its own itemized charges. */
export function BillResourcesRoute() {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useBillSearch();
  const { search, month } = state;
  const query = useQuery({ ...billResourcesQueryOptions(search, month), enabled: Boolean(month) && !state.future });
  const name = (r: BillResourceRow) => (r.accountWide ? t('bills.accountWide') : r.alias);
  const columns: Column<BillResourceRow>[] = [
    {
      key: 'resourceId',
      head: t('bills.col.resourceId'),
      className: 'font-mono text-xs break-all',
      wide: true,
      cell: (r) => (
        <Link
          // Drill-down: the itemized bill filtered to this resource (or to the account-wide rows of the product).
          to={`/bills/items?${toBillSearchParams({
            month,
            product: r.product,
            q: r.resourceId ?? undefined,
            billingMode: r.accountWide ? (search.billingMode ?? 'prepaid') : search.billingMode,
            transactionType: search.transactionType,
          })}`}
          className={`rounded text-brand-700 hover:underline ${focusRing}`}
          aria-label={t('bills.resources.drill', {
            name: r.resourceId ?? name(r),
            product: productName(i18n, r.product),
          })}
        >
          {r.resourceId ?? t('common.dash')}
        </Link>
      ),
    },
    {
      key: 'alias',
      head: t('bills.col.alias'),
      cell: (r) => (r.accountWide ? <Badge tone="muted">{name(r)}</Badge> : name(r)),
    },
    { key: 'project', head: t('bills.col.project'), cell: (r) => r.project ?? t('common.dash') },
    { key: 'region', head: t('bills.col.region'), cell: (r) => r.region ?? t('common.dash') },
    { key: 'product', head: t('bills.col.product'), cell: (r) => productName(i18n, r.product) },
    { key: 'rows', head: t('bills.resources.rows'), align: 'right', cell: (r) => formatCount(r.count) },
    {
      key: 'amount',
      head: t('bills.col.amount'),
      align: 'right',
      className: 'font-medium',
      cell: (r) => formatMoney(r.total),
    },
  ];

  return (
    <BillPageFrame
      state={state}
      query={query}
      rows={4}
      summary={(data) => (
        <span data-testid="bill-summary">
          {t('bills.resources.summary', {
            rows: formatCount(data.summary.rows),
            count: formatCount(data.summary.count),
            total: formatMoney(data.summary.total),
          })}
        </span>
      )}
    >
      {(data) => (
        <DataTable
          caption={t('bills.resources.caption', { month })}
          busy={query.isPlaceholderData}
          stack
          rows={data.items}
          rowKey={(r) => `${r.resourceId ?? '-'}:${r.product}`}
          columns={columns}
        />
      )}
    </BillPageFrame>
  );
}
