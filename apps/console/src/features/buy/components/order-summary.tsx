import { Link } from 'react-router';
import { Banner, buttonClasses } from '../../../components/ui/index.ts';
import { formatMoney } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { PaymentPreview } from '../payment-preview.ts';
import { type OrderedPacks, OrderLines } from './order-lines.tsx';

/** R2.3 The total and how it will be paid: voucher → gift → income transfer → cash, and any shortfall. */
export function OrderSummary({
  order,
  preview,
  rechargeHref,
}: {
  order: OrderedPacks;
  preview: PaymentPreview;
  /** Where "recharge" leads: the account's recharge dialog, with the way back to this order. */
  rechargeHref: string;
}) {
  const { t } = useI18n();
  const rows = [
    ['voucher', preview.voucher],
    ['gift', preview.gift],
    ['income', preview.income],
    ['cash', preview.cash],
  ] as const;
  return (
    <div className="flex flex-col gap-3" data-testid="order-summary">
      <OrderLines
        order={order}
        priceLabel={t('buy.summary.total')}
        price={preview.amount}
        priceTestId="order-total"
        strong
      />
      <div>
        <h3 className="text-sm font-medium text-slate-900">{t('buy.summary.splitTitle')}</h3>
        <p className="text-xs text-slate-600">{t('buy.summary.splitHint')}</p>
        <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm" data-testid="payment-split">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-slate-600">{t(`buy.pay.${k}`)}</dt>
              <dd className="text-right tabular text-slate-900" data-testid={`pay-${k}`}>
                {formatMoney(v)}
              </dd>
            </div>
          ))}
        </dl>
      </div>
      {preview.voucherUnused !== '0.00' ? (
        <Banner tone="info">{t('buy.summary.voucherNoChange', { amount: formatMoney(preview.voucherUnused) })}</Banner>
      ) : null}
      {!preview.covered ? (
        <Banner tone="warning" title={t('buy.shortfall.title')}>
          <p data-testid="shortfall">{t('buy.shortfall.body', { amount: formatMoney(preview.shortfall) })}</p>
          <Link to={rechargeHref} className={buttonClasses('secondary', 'sm', 'mt-2')}>
            {t('buy.shortfall.recharge', { amount: formatMoney(preview.shortfall) })}
          </Link>
        </Banner>
      ) : null}
    </div>
  );
}
