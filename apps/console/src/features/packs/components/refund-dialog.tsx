import type { Pack, Refund } from '@idv/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { MutationError } from '../../../components/mutation-error.tsx';
import { Banner, Button, Dialog } from '../../../components/ui/index.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { formatCount, formatMoney } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { newIdempotencyKey } from '../../../lib/idempotency.ts';
import { requestRefundMutationOptions } from '../api/request-refund.ts';
import { RefundCountdown } from './refund-countdown.tsx';

function Split({ split, testId }: { split: { cash: string; income: string; gift: string }; testId: string }) {
  const { t } = useI18n();
  return (
    <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-1 text-sm" data-testid={testId}>
      {(['cash', 'income', 'gift'] as const).map((k) => (
        <div key={k} className="contents">
          <dt className="text-slate-600">{t(`refund.to.${k}`)}</dt>
          <dd className="text-right tabular text-slate-900" data-testid={`${testId}-${k}`}>
            {formatMoney(split[k])}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * R8.4 Two-step refund: (1) the details and the split, (2) "this cannot be undone", then
 * POST /refunds with one Idempotency-Key per pack (reused if the customer retries after a failure).
 */
export function RefundDialog({ pack, onClose }: { pack: Pack; onClose: () => void }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<'details' | 'confirm' | 'done'>('details');
  const [result, setResult] = useState<Refund | null>(null);
  const key = useRef(newIdempotencyKey());
  const mutation = useMutation({
    ...requestRefundMutationOptions(),
    onSuccess: (r) => {
      setResult(r);
      setStep('done');
      void queryClient.invalidateQueries({ queryKey: ['packs'] });
      void queryClient.invalidateQueries({ queryKey: ['account'] });
      void queryClient.invalidateQueries({ queryKey: ['refunds'] });
      void queryClient.invalidateQueries({ queryKey: ['bills'] });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
    onError: (e) => {
      // A refusal (409) is final for this pack: show it and refresh the pack's state.
      if (e instanceof ApiError && e.status === 409) void queryClient.invalidateQueries({ queryKey: ['packs'] });
    },
  });
  const name = locale === 'zh-CN' ? pack.labelNameZh : pack.labelNameEn;
  const r = pack.refund;
  const close = () => {
    if (!mutation.isPending) onClose();
  };
  const conflict = mutation.error instanceof ApiError && mutation.error.status === 409;

  if (step === 'done' && result) {
    return (
      <Dialog
        open
        onClose={onClose}
        closeLabel={t('dialog.close')}
        title={t('refund.done.title')}
        footer={
          <Button variant="primary" onClick={onClose}>
            {t('dialog.done')}
          </Button>
        }
      >
        <div className="flex flex-col gap-3">
          <Banner tone="success">
            {t('refund.done.body', { amount: formatMoney(result.amount), name, id: pack.id })}
          </Banner>
          <h3 className="text-sm font-medium text-slate-900">{t('refund.done.returned')}</h3>
          <Split split={result.returned} testId="refund-returned" />
          <p className="text-xs text-slate-600">{t('refund.voucherNotReturned')}</p>
        </div>
      </Dialog>
    );
  }

  if (step === 'confirm') {
    return (
      <Dialog
        open
        role="alertdialog"
        onClose={close}
        dismissible={!mutation.isPending}
        closeLabel={t('dialog.close')}
        title={t('refund.confirm.title')}
        description={t('refund.confirm.body', { amount: formatMoney(r.amount), name, id: pack.id })}
        footer={
          <>
            <Button onClick={() => setStep('details')} disabled={mutation.isPending}>
              {t('dialog.back')}
            </Button>
            {conflict ? null : (
              <Button
                variant="danger"
                loading={mutation.isPending}
                onClick={() => mutation.mutate({ packId: pack.id, idempotencyKey: key.current })}
              >
                {mutation.isError ? t('dialog.retry') : t('refund.confirm.action', { amount: formatMoney(r.amount) })}
              </Button>
            )}
          </>
        }
      >
        <div className="flex flex-col gap-3" aria-live="polite">
          <Banner tone="warning">{t('refund.confirm.final')}</Banner>
          <MutationError error={mutation.error} />
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      open
      onClose={close}
      closeLabel={t('dialog.close')}
      title={t('refund.details.title')}
      description={t('refund.details.description')}
      footer={
        <>
          <Button onClick={close}>{t('dialog.cancel')}</Button>
          <Button variant="primary" onClick={() => setStep('confirm')}>
            {t('refund.details.next')}
          </Button>
        </>
      }
    >
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
            <Split split={r.split} testId="refund-split" />
          </div>
        ) : null}
        <p className="text-xs text-slate-600">{t('refund.voucherNotReturned')}</p>
      </div>
    </Dialog>
  );
}
