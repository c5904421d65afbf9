import { Button, Dialog } from '../../../components/ui/index.ts';
import { formatMoney } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { ConfirmSummary } from '../confirm-lines.ts';
import { type OrderedPacks, OrderLines } from './order-lines.tsx';

/**
 * Issue 17: the step between "pay" and paying. It repeats what is bought and shows exactly what each
 * balance gives (voucher, gift, income transfer, cash: R2.3) and the total after the voucher, so a
 * large order is never placed by one click. Paying happens only on its own button.
 */
export function ConfirmPaymentDialog({
  open,
  order,
  summary,
  voucherUnused,
  busy,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  order: OrderedPacks;
  summary: ConfirmSummary;
  voucherUnused: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      role="alertdialog"
      size="md"
      dismissible={!busy}
      closeLabel={t('dialog.close')}
      title={t('buy.review.title')}
      description={t('buy.review.description')}
      footer={
        <>
          <Button onClick={onCancel} disabled={busy}>
            {t('buy.review.back')}
          </Button>
          <Button variant="primary" onClick={onConfirm} loading={busy} data-testid="pay-now">
            {t('buy.review.pay', { amount: formatMoney(summary.payable) })}
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-4" data-testid="payment-review">
        <OrderLines
          order={order}
          priceLabel={t('buy.review.price')}
          price={summary.amount}
          priceTestId="review-amount"
        />
        <table className="w-full border-collapse text-left text-sm">
          <caption className="pb-1 text-left font-medium text-slate-900">{t('buy.review.fromTitle')}</caption>
          <thead className="text-xs text-slate-600">
            <tr>
              {(['source', 'taken', 'after'] as const).map((col) => (
                <th
                  key={col}
                  scope="col"
                  className={col === 'source' ? 'py-1 font-normal' : 'py-1 text-right font-normal'}
                >
                  {t(`buy.review.col.${col}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 border-y border-slate-200">
            {summary.lines.map((l) => (
              <tr key={l.kind} data-testid={`review-${l.kind}`}>
                <th scope="row" className="py-1.5 font-normal text-slate-700">
                  {t(`buy.pay.${l.kind}`)}
                </th>
                <td className="py-1.5 text-right font-medium text-slate-900 tabular">
                  {l.taken === '0.00' ? formatMoney(l.taken) : `−${formatMoney(l.taken)}`}
                </td>
                <td className="py-1.5 text-right text-slate-600 tabular">
                  {l.after === null ? t('buy.review.voucherUsed') : formatMoney(l.after)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {voucherUnused !== '0.00' ? (
          <p className="text-xs text-slate-600">
            {t('buy.summary.voucherNoChange', { amount: formatMoney(voucherUnused) })}
          </p>
        ) : null}
        <p className="flex items-baseline justify-between gap-4 rounded bg-slate-50 px-3 py-2">
          <span className="font-medium text-slate-900">{t('buy.review.payable')}</span>
          <span className="text-lg font-semibold text-slate-900 tabular" data-testid="review-payable">
            {formatMoney(summary.payable)}
          </span>
        </p>
      </div>
    </Dialog>
  );
}
