import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Badge, focusRing, Table, TBody, Td, THead, Th, Tr } from '../../../components/ui/index.ts';
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
        <Table caption={t('bills.resources.caption', { month })} busy={query.isPlaceholderData} stack>
          <THead>
            <tr>
              <Th>{t('bills.col.resourceId')}</Th>
              <Th>{t('bills.col.alias')}</Th>
              <Th>{t('bills.col.project')}</Th>
              <Th>{t('bills.col.region')}</Th>
              <Th>{t('bills.col.product')}</Th>
              <Th align="right">{t('bills.resources.rows')}</Th>
              <Th align="right">{t('bills.col.amount')}</Th>
            </tr>
          </THead>
          <TBody>
            {data.items.map((r) => {
              // Drill-down: the itemized bill filtered to this resource (or to the account-wide rows of the product).
              const drill = `/bills/items?${toBillSearchParams({
                month,
                product: r.product,
                q: r.resourceId ?? undefined,
                billingMode: r.accountWide ? (search.billingMode ?? 'prepaid') : search.billingMode,
                transactionType: search.transactionType,
              })}`;
              const name = r.accountWide ? t('bills.accountWide') : r.alias;
              return (
                <Tr key={`${r.resourceId ?? '-'}:${r.product}`}>
                  <Td className="font-mono text-xs break-all" label={t('bills.col.resourceId')} wide>
                    <Link
                      to={drill}
                      className={`rounded text-brand-700 hover:underline ${focusRing}`}
                      aria-label={t('bills.resources.drill', {
                        name: r.resourceId ?? name,
                        product: productName(i18n, r.product),
                      })}
                    >
                      {r.resourceId ?? t('common.dash')}
                    </Link>
                  </Td>
                  <Td label={t('bills.col.alias')}>{r.accountWide ? <Badge tone="muted">{name}</Badge> : name}</Td>
                  <Td label={t('bills.col.project')}>{r.project ?? t('common.dash')}</Td>
                  <Td label={t('bills.col.region')}>{r.region ?? t('common.dash')}</Td>
                  <Td label={t('bills.col.product')}>{productName(i18n, r.product)}</Td>
                  <Td align="right" label={t('bills.resources.rows')}>
                    {formatCount(r.count)}
                  </Td>
                  <Td align="right" className="font-medium" label={t('bills.col.amount')}>
                    {formatMoney(r.total)}
                  </Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
    </BillPageFrame>
  );
}
