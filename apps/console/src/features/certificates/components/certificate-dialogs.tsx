import type { CertificateOrder, CertificateRefund } from '@idv/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { MutationError } from '../../../components/mutation-error.tsx';
import { Banner, Button, Dialog } from '../../../components/ui/index.ts';
import { formatMoney } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { newIdempotencyKey } from '../../../lib/idempotency.ts';
import { cancelCertificateMutationOptions, refundCertificateMutationOptions } from '../api/certificates.ts';

function useRefreshAfter() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['certificates'] });
    void queryClient.invalidateQueries({ queryKey: ['account'] });
    void queryClient.invalidateQueries({ queryKey: ['bills'] });
    void queryClient.invalidateQueries({ queryKey: ['refunds'] });
    void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  };
}

/** R8.6 Cancel Application on a pending-submission order (after which Refund appears). */
export function CancelCertificateDialog({ cert, onClose }: { cert: CertificateOrder; onClose: () => void }) {
  const { t } = useI18n();
  const refresh = useRefreshAfter();
  const mutation = useMutation({
    ...cancelCertificateMutationOptions(),
    onSuccess: () => {
      refresh();
      onClose();
    },
  });
  return (
    <Dialog
      open
      role="alertdialog"
      onClose={onClose}
      dismissible={!mutation.isPending}
      closeLabel={t('dialog.close')}
      title={t('cert.cancel.title', { domain: cert.domain })}
      description={t('cert.cancel.body')}
      footer={
        <>
          <Button onClick={onClose} disabled={mutation.isPending}>
            {t('cert.cancel.keep')}
          </Button>
          <Button variant="danger" loading={mutation.isPending} onClick={() => mutation.mutate(cert.id)}>
            {t('cert.cancel.confirm')}
          </Button>
        </>
      }
    >
      <MutationError error={mutation.error} />
      {!mutation.error ? <p className="text-sm text-slate-700">{t('cert.cancel.next')}</p> : null}
    </Dialog>
  );
}

function Returned({ cash, gift, points }: { cash: string; gift: string; points: number }) {
  const { t } = useI18n();
  return (
    <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-1 text-sm" data-testid="cert-returned">
      <dt className="text-slate-600">{t('refund.to.cash')}</dt>
      <dd className="text-right tabular" data-testid="cert-returned-cash">
        {formatMoney(cash)}
      </dd>
      <dt className="text-slate-600">{t('refund.to.gift')}</dt>
      <dd className="text-right tabular" data-testid="cert-returned-gift">
        {formatMoney(gift)}
      </dd>
      <dt className="text-slate-600">{t('cert.refund.points')}</dt>
      <dd className="text-right tabular" data-testid="cert-returned-points">
        {t('cert.refund.pointsValue', { count: points })}
      </dd>
    </dl>
  );
}

/**
 * R8.6 / R8.4 Two-step certificate refund: details (what returns, what does not) with the refund-policy
 * consent the SSL refund process asks for (Continue stays closed until it is ticked), then "cannot be
 * undone; the certificate order becomes void".
 */
export function RefundCertificateDialog({ cert, onClose }: { cert: CertificateOrder; onClose: () => void }) {
  const { t } = useI18n();
  const refresh = useRefreshAfter();
  const [step, setStep] = useState<'details' | 'confirm'>('details');
  const [result, setResult] = useState<CertificateRefund | null>(null);
  const [accepted, setAccepted] = useState(false);
  const policyId = useId();
  const key = useRef(newIdempotencyKey());
  const mutation = useMutation({
    ...refundCertificateMutationOptions(),
    onSuccess: (r) => {
      setResult(r);
      refresh();
    },
  });
  const close = () => {
    if (!mutation.isPending) onClose();
  };
  const preview = cert.refundPreview;
  const notReturned = (
    <p className="text-xs text-slate-600">
      {t('cert.refund.notReturned', {
        voucher: formatMoney(result?.notReturned.voucher ?? cert.paid.voucher),
        discount: formatMoney(result?.notReturned.discount ?? cert.paid.discount),
      })}
    </p>
  );

  if (result) {
    return (
      <Dialog
        open
        onClose={onClose}
        closeLabel={t('dialog.close')}
        title={t('cert.refund.doneTitle')}
        footer={
          <Button variant="primary" onClick={onClose}>
            {t('dialog.done')}
          </Button>
        }
      >
        <div className="flex flex-col gap-3">
          <Banner tone="success">{t('cert.refund.doneBody', { domain: cert.domain })}</Banner>
          <Returned cash={result.returned.cash} gift={result.returned.gift} points={result.returned.benefitPoints} />
          {notReturned}
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
        description={t('cert.refund.confirmBody', { domain: cert.domain })}
        footer={
          <>
            <Button onClick={() => setStep('details')} disabled={mutation.isPending}>
              {t('dialog.back')}
            </Button>
            <Button
              variant="danger"
              loading={mutation.isPending}
              onClick={() => mutation.mutate({ id: cert.id, idempotencyKey: key.current })}
            >
              {mutation.isError ? t('dialog.retry') : t('cert.refund.confirmAction')}
            </Button>
          </>
        }
      >
        <div className="flex flex-col gap-3" aria-live="polite">
          <Banner tone="warning">{t('cert.refund.final')}</Banner>
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
      title={t('cert.refund.title', { domain: cert.domain })}
      description={t('cert.refund.description')}
      footer={
        <>
          <Button onClick={close}>{t('dialog.cancel')}</Button>
          <Button
            variant="primary"
            disabled={!accepted}
            aria-describedby={accepted ? undefined : `${policyId}-hint`}
            onClick={() => setStep('confirm')}
          >
            {t('refund.details.next')}
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-3">
        <p className="text-sm">
          {t('cert.refund.paid', {
            amount: formatMoney(cert.amount),
            cash: formatMoney(cert.paid.cash),
            gift: formatMoney(cert.paid.gift),
            voucher: formatMoney(cert.paid.voucher),
            discount: formatMoney(cert.paid.discount),
          })}
        </p>
        <h3 className="text-sm font-medium text-slate-900">{t('cert.refund.willReturn')}</h3>
        {preview ? <Returned cash={preview.cash} gift={preview.gift} points={preview.benefitPoints} /> : null}
        {notReturned}
        <RefundPolicy id={policyId} accepted={accepted} onChange={setAccepted} />
      </div>
    </Dialog>
  );
}

/** R8.6 The refund policy of the SSL refund process, which the customer must accept before confirming. */
function RefundPolicy({ id, accepted, onChange }: { id: string; accepted: boolean; onChange: (v: boolean) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="rounded-md border border-slate-200 p-3" data-testid="cert-refund-policy">
      <legend className="px-1 text-sm font-medium text-slate-900">{t('cert.refund.policy.title')}</legend>
      <ul className="list-disc space-y-1 pl-5 text-xs text-slate-700">
        <li>{t('cert.refund.policy.returned')}</li>
        <li>{t('cert.refund.policy.notReturned')}</li>
        <li>{t('cert.refund.policy.void')}</li>
        <li>{t('cert.refund.policy.final')}</li>
      </ul>
      <label className="mt-2 flex items-start gap-2 text-sm text-slate-900">
        <input
          type="checkbox"
          className="mt-0.5 size-4 accent-brand-600"
          checked={accepted}
          onChange={(e) => onChange(e.target.checked)}
        />
        {t('cert.refund.policy.accept')}
      </label>
      {accepted ? null : (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {t('cert.refund.policy.hint')}
        </p>
      )}
    </fieldset>
  );
}
