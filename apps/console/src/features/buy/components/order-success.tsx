import type { Order } from '@idv/contracts';
import { Link } from 'react-router';
import { CstHead } from '../../../components/cst-suffix.tsx';
import { Badge, Banner, Button, buttonClasses, DataTable, Panel } from '../../../components/ui/index.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { formatCount, formatMoney } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';

/** After a successful order: what was paid from where, the delivered packs and where to go next. */
export function OrderSuccess({ order, onBuyMore }: { order: Order; onBuyMore: () => void }) {
  const { t, locale } = useI18n();
  return (
    <Panel title={t('buy.success.title')} headingId="order-success">
      <span hidden data-testid="order-id">
        {order.id}
      </span>
      <div className="flex flex-col gap-4">
        <Banner tone="success" title={t('buy.success.banner', { count: order.packs.length })}>
          {t('buy.success.body', {
            id: order.id,
            amount: formatMoney(order.amount),
            voucher: formatMoney(order.paid.voucher),
            gift: formatMoney(order.paid.gift),
            income: formatMoney(order.paid.income),
            cash: formatMoney(order.paid.cash),
          })}
        </Banner>
        <DataTable
          caption={t('buy.success.packsCaption')}
          stack
          rows={order.packs}
          columns={[
            {
              key: 'pack',
              head: t('buy.success.pack'),
              label: '',
              wide: true,
              cell: (p) => (
                <Link to={`/packs/${p.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {locale === 'zh-CN' ? p.labelNameZh : p.labelNameEn} #{p.id}
                </Link>
              ),
            },
            { key: 'calls', head: t('buy.success.calls'), align: 'right', cell: (p) => formatCount(p.total) },
            {
              key: 'expiresAt',
              head: <CstHead>{t('buy.success.expiresAt')}</CstHead>,
              label: `${t('buy.success.expiresAt')} (${t('common.cst')})`,
              className: 'tabular whitespace-nowrap',
              cell: (p) => formatDateTime(p.expiresAt),
            },
            {
              key: 'refund',
              head: t('buy.success.refund'),
              wide: true,
              cell: (p) =>
                p.refund.eligible ? (
                  <Badge tone="info">
                    {t('buy.success.refundUntil', { deadline: formatDateTime(p.refund.deadline) })}
                  </Badge>
                ) : (
                  t('common.dash')
                ),
            },
          ]}
        />
        <div className="flex flex-wrap gap-2">
          <Link to={`/packs?label=${encodeURIComponent(order.label)}`} className={buttonClasses('primary')}>
            {t('buy.success.viewPacks')}
          </Link>
          <Link to="/account" className={buttonClasses('secondary')}>
            {t('buy.success.viewAccount')}
          </Link>
          <Button onClick={onBuyMore}>{t('buy.success.buyMore')}</Button>
        </div>
      </div>
    </Panel>
  );
}
