import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { BackLink } from '../../../components/back-link.tsx';
import { DetailView, NotFound } from '../../../components/detail-view.tsx';
import { buttonClasses, DescriptionList, PageHeader, Panel } from '../../../components/ui/index.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { formatCount, formatMoney } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { orderQueryOptions } from '../api/order.ts';
import { productName } from '../labels.ts';

/** The order behind a prepaid bill row: what was bought, what it cost and how it was paid. */
export function BillOrderRoute() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const id = useParams().id ?? '';
  const order = useQuery(orderQueryOptions(id));
  const back = <BackLink to="/bills/items">{t('bills.order.back')}</BackLink>;
  return (
    <DetailView
      query={order}
      skeleton="h-40"
      missing={(e) => isApiError(e, 'NOT_FOUND')}
      header={<PageHeader title={t('bills.order.title', { id })} back={back} />}
      notFound={
        <NotFound title={t('bills.order.notFoundTitle')} back={{ to: '/bills/items', label: t('bills.order.back') }}>
          {t('bills.order.notFoundBody')}
        </NotFound>
      }
    >
      {(o) => (
        <>
          <PageHeader title={t('bills.order.title', { id: o.id })} back={back} />
          <Panel title={t('bills.order.details')} headingId="order-details">
            <DescriptionList
              items={[
                { key: 'label', term: t('bills.col.label'), value: locale === 'zh-CN' ? o.labelNameZh : o.labelNameEn },
                { key: 'product', term: t('bills.col.product'), value: productName(i18n, o.product) },
                {
                  key: 'size',
                  term: t('bills.order.size'),
                  value: t('bills.order.sizeValue', { size: formatCount(o.size), quantity: formatCount(o.quantity) }),
                },
                { key: 'price', term: t('bills.col.unitPrice'), value: formatMoney(o.tierPrice) },
                { key: 'amount', term: t('bills.col.amount'), value: formatMoney(o.amount) },
                {
                  key: 'at',
                  term: `${t('bills.order.createdAt')} (${t('common.cst')})`,
                  value: formatDateTime(o.createdAt),
                },
                { key: 'cash', term: t('bills.col.paidCash'), value: formatMoney(o.paid.cash) },
                { key: 'income', term: t('bills.col.paidIncome'), value: formatMoney(o.paid.income) },
                { key: 'gift', term: t('bills.col.paidGift'), value: formatMoney(o.paid.gift) },
                { key: 'voucher', term: t('bills.col.paidVoucher'), value: formatMoney(o.paid.voucher) },
              ]}
            />
            {o.packs.length > 0 ? (
              <div className="mt-5">
                <h3 className="text-sm font-semibold text-slate-900">{t('bills.order.packs')}</h3>
                <ul className="mt-2 flex flex-wrap gap-2">
                  {o.packs.map((p) => (
                    <li key={p.id}>
                      <Link to={`/packs/${p.id}`} className={buttonClasses('secondary', 'sm')}>
                        {t('bills.order.pack', { id: p.id })}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </Panel>
        </>
      )}
    </DetailView>
  );
}
