import { type UseMutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useRef, useState } from 'react';
import { formatMoney } from '../lib/format.ts';
import { useT } from '../lib/i18n.tsx';
import { newIdempotencyKey } from '../lib/idempotency.ts';
import { MutationError } from './mutation-error.tsx';
import { Banner, Button, Dialog } from './ui/index.ts';

export type RefundStep = 'details' | 'confirm' | 'done';

/**
 * R8.4 / R8.6 The two-step refund of a pack or a certificate order, one dialog per step:
 * details (what returns; Continue, unless `canContinue` is false), confirm ("cannot be undone": an
 * alert dialog that cannot be dismissed while the request runs; its action becomes Retry after a
 * failure and disappears when `hideAction`), then done (what went back). The caller owns the step,
 * the mutation and the texts.
 */
export function RefundSteps({
  step,
  onStep,
  onClose,
  pending,
  error,
  onConfirm,
  details,
  confirm,
  done,
}: {
  step: RefundStep;
  onStep: (step: RefundStep) => void;
  onClose: () => void;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  details: {
    title: string;
    description: string;
    body: ReactNode;
    canContinue?: boolean;
    /** Why Continue is closed (the id of that text), while it is. */
    blockedBy?: string;
  };
  confirm: { description: string; final: string; action: string; hideAction?: boolean };
  done: { title: string; body: ReactNode };
}) {
  const t = useT();
  const close = () => {
    if (!pending) onClose();
  };

  if (step === 'done') {
    return (
      <Dialog
        open
        onClose={onClose}
        closeLabel={t('dialog.close')}
        title={done.title}
        footer={
          <Button variant="primary" onClick={onClose}>
            {t('dialog.done')}
          </Button>
        }
      >
        <div className="flex flex-col gap-3">{done.body}</div>
      </Dialog>
    );
  }

  if (step === 'confirm') {
    return (
      <Dialog
        open
        role="alertdialog"
        onClose={close}
        dismissible={!pending}
        closeLabel={t('dialog.close')}
        title={t('refund.confirm.title')}
        description={confirm.description}
        footer={
          <>
            <Button onClick={() => onStep('details')} disabled={pending}>
              {t('dialog.back')}
            </Button>
            {confirm.hideAction ? null : (
              <Button variant="danger" loading={pending} onClick={onConfirm}>
                {error ? t('dialog.retry') : confirm.action}
              </Button>
            )}
          </>
        }
      >
        <div className="flex flex-col gap-3" aria-live="polite">
          <Banner tone="warning">{confirm.final}</Banner>
          <MutationError error={error} />
        </div>
      </Dialog>
    );
  }

  const canContinue = details.canContinue ?? true;
  return (
    <Dialog
      open
      onClose={close}
      closeLabel={t('dialog.close')}
      title={details.title}
      description={details.description}
      footer={
        <>
          <Button onClick={close}>{t('dialog.cancel')}</Button>
          <Button
            variant="primary"
            disabled={!canContinue}
            aria-describedby={canContinue ? undefined : details.blockedBy}
            onClick={() => onStep('confirm')}
          >
            {t('refund.details.next')}
          </Button>
        </>
      }
    >
      {details.body}
    </Dialog>
  );
}

/** What a refund returns (or returned), balance by balance: `data-testid`s `<testId>` and `<testId>-<key>`. */
export function RefundAmounts({
  testId,
  items,
}: {
  testId: string;
  items: readonly { key: string; term: string; value: string }[];
}) {
  return (
    <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-1 text-sm" data-testid={testId}>
      {items.map((i) => (
        <div key={i.key} className="contents">
          <dt className="text-slate-600">{i.term}</dt>
          <dd className="text-right tabular text-slate-900" data-testid={`${testId}-${i.key}`}>
            {i.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The money lines of a refund split, as `RefundAmounts` items. */
export function useSplitItems() {
  const t = useT();
  return (split: { cash: string; income?: string; gift: string }) =>
    (['cash', 'income', 'gift'] as const).flatMap((k) => {
      const v = split[k];
      return v === undefined ? [] : [{ key: k, term: t(`refund.to.${k}`), value: formatMoney(v) }];
    });
}

/** After a refund: the object's own list (`own`) and everything a refund changes are read again. */
export function useRefreshAfterRefund(own: string) {
  const queryClient = useQueryClient();
  return () => {
    for (const key of [own, 'account', 'bills', 'refunds', 'notifications']) {
      void queryClient.invalidateQueries({ queryKey: [key] });
    }
  };
}

/**
 * The state of a refund flow for `RefundSteps`: the step, the request (one Idempotency-Key per dialog,
 * reused when the customer retries) with `vars`, and once done its `result`, after which the object's
 * list (`own`) and everything a refund changes are read again.
 *
 *   const { result, steps } = useRefundFlow({ options: requestRefundMutationOptions(), own: 'packs', vars: { packId } });
 *   <RefundSteps {...steps} … />
 */
export function useRefundFlow<R, V extends { idempotencyKey: string }>({
  options,
  own,
  vars,
  onError,
}: {
  options: UseMutationOptions<R, Error, V>;
  own: string;
  vars: Omit<V, 'idempotencyKey'>;
  onError?: (error: Error) => void;
}) {
  const refresh = useRefreshAfterRefund(own);
  const [step, setStep] = useState<RefundStep>('details');
  const [result, setResult] = useState<R | null>(null);
  const key = useRef(newIdempotencyKey());
  const mutation = useMutation({
    ...options,
    onSuccess: (r: R) => {
      setResult(r);
      setStep('done');
      refresh();
    },
    onError,
  });
  return {
    result,
    steps: {
      step,
      onStep: setStep,
      pending: mutation.isPending,
      error: mutation.error,
      onConfirm: () => mutation.mutate({ ...vars, idempotencyKey: key.current } as V),
    },
  };
}
