import type { Order } from '@idv/contracts';
import { Link } from 'react-router';
import {
  Badge,
  Banner,
  Button,
  buttonClasses,
  Panel,
  Table,
  TBody,
  Td,
  THead,
  Th,
  Tr,
} from '../../../components/ui/index.ts';
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
        <Table caption={t('buy.success.packsCaption')} stack>
          <THead>
            <tr>
              <Th>{t('buy.success.pack')}</Th>
              <Th align="right">{t('buy.success.calls')}</Th>
              <Th>
                {t('buy.success.expiresAt')} <span className="font-normal text-slate-600">({t('common.cst')})</span>
              </Th>
              <Th>{t('buy.success.refund')}</Th>
            </tr>
          </THead>
          <TBody>
            {order.packs.map((p) => (
              <Tr key={p.id}>
                <Td wide>
                  <Link to={`/packs/${p.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    {locale === 'zh-CN' ? p.labelNameZh : p.labelNameEn} #{p.id}
                  </Link>
                </Td>
                <Td align="right" label={t('buy.success.calls')}>
                  {formatCount(p.total)}
                </Td>
                <Td className="tabular whitespace-nowrap" label={`${t('buy.success.expiresAt')} (${t('common.cst')})`}>
                  {formatDateTime(p.expiresAt)}
                </Td>
                <Td label={t('buy.success.refund')} wide>
                  {p.refund.eligible ? (
                    <Badge tone="info">
                      {t('buy.success.refundUntil', { deadline: formatDateTime(p.refund.deadline) })}
                    </Badge>
                  ) : (
                    t('common.dash')
                  )}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
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
