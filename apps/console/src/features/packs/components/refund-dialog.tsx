import type { Pack } from '@idv/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { RefundAmounts, RefundSteps, useRefundFlow, useSplitItems } from '../../../components/refund-steps.tsx';
import { Banner } from '../../../components/ui/index.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { formatCount, formatMoney } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { requestRefundMutationOptions } from '../api/request-refund.ts';
import { RefundCountdown } from './refund-countdown.tsx';

/**
 * R8.4 Two-step refund: (1) the details and the split, (2) "this cannot be undone", then
 * POST /refunds with one Idempotency-Key per pack (reused if the customer retries after a failure).
 */
export function RefundDialog({ pack, onClose }: { pack: Pack; onClose: () => void }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const splitItems = useSplitItems();
  const { result, steps } = useRefundFlow({
    options: requestRefundMutationOptions(),
    own: 'packs',
    vars: { packId: pack.id },
    // A refusal (409) is final for this pack: show it and refresh the pack's state.
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) void queryClient.invalidateQueries({ queryKey: ['packs'] });
    },
  });
  const name = locale === 'zh-CN' ? pack.labelNameZh : pack.labelNameEn;
  const r = pack.refund;
  const voucherNotReturned = <p className="text-xs text-slate-600">{t('refund.voucherNotReturned')}</p>;

  return (
    <RefundSteps
      {...steps}
      onClose={onClose}
      details={{
        title: t('refund.details.title'),
        description: t('refund.details.description'),
        body: (
          <div className="flex flex-col gap-4">
            <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1.5 text-sm">
              <dt className="text-slate-600">{t('packs.col.label')}</dt>
              <dd className="text-slate-900">
                {name} <span className="font-mono text-xs text-slate-600">#{pack.id}</span>
              </dd>
              <dt className="text-slate-600">{t('packs.col.total')}</dt>
              <dd className="tabular">{formatCount(pack.total)}</dd>
              <dt className="text-slate-600">{t('packs.col.acquiredAt')}</dt>
              <dd className="tabular">{formatDateTime(pack.acquiredAt)}</dd>
              <dt className="text-slate-600">{t('refund.details.deadline')}</dt>
              <dd className="flex flex-col tabular">
                <span>{t('refund.deadlineCst', { deadline: formatDateTime(r.deadline) })}</span>
                {r.deadline ? <RefundCountdown deadline={r.deadline} /> : null}
              </dd>
              <dt className="font-medium text-slate-900">{t('refund.details.amount')}</dt>
              <dd className="font-semibold tabular" data-testid="refund-amount">
                {formatMoney(r.amount)}
              </dd>
            </dl>
            {r.split ? (
              <div>
                <h3 className="text-sm font-medium text-slate-900">{t('refund.details.splitTitle')}</h3>
                <RefundAmounts items={splitItems(r.split)} testId="refund-split" />
              </div>
            ) : null}
            {voucherNotReturned}
          </div>
        ),
      }}
      confirm={{
        description: t('refund.confirm.body', { amount: formatMoney(r.amount), name, id: pack.id }),
        final: t('refund.confirm.final'),
        action: t('refund.confirm.action', { amount: formatMoney(r.amount) }),
        hideAction: steps.error instanceof ApiError && steps.error.status === 409,
      }}
      done={{
        title: t('refund.done.title'),
        body: result ? (
          <>
            <Banner tone="success">
              {t('refund.done.body', { amount: formatMoney(result.amount), name, id: pack.id })}
            </Banner>
            <h3 className="text-sm font-medium text-slate-900">{t('refund.done.returned')}</h3>
            <RefundAmounts items={splitItems(result.returned)} testId="refund-returned" />
            {voucherNotReturned}
          </>
        ) : null,
      }}
    />
  );
}
