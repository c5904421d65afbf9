import type { CertificateOrder } from '@idv/contracts';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { MutationError } from '../../../components/mutation-error.tsx';
import {
  RefundAmounts,
  RefundSteps,
  useRefreshAfterRefund,
  useRefundFlow,
  useSplitItems,
} from '../../../components/refund-steps.tsx';
import { Banner, Button, Dialog } from '../../../components/ui/index.ts';
import { formatMoney } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { cancelCertificateMutationOptions, refundCertificateMutationOptions } from '../api/certificates.ts';

/** R8.6 Cancel Application on a pending-submission order (after which Refund appears). */
export function CancelCertificateDialog({ cert, onClose }: { cert: CertificateOrder; onClose: () => void }) {
  const { t } = useI18n();
  const refresh = useRefreshAfterRefund('certificates');
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

/**
 * R8.6 / R8.4 Two-step certificate refund: details (what returns, what does not) with the refund-policy
 * consent the SSL refund process asks for (Continue stays closed until it is ticked), then "cannot be
 * undone; the certificate order becomes void".
 */
export function RefundCertificateDialog({ cert, onClose }: { cert: CertificateOrder; onClose: () => void }) {
  const { t } = useI18n();
  const splitItems = useSplitItems();
  const { result, steps } = useRefundFlow({
    options: refundCertificateMutationOptions(),
    own: 'certificates',
    vars: { id: cert.id },
  });
  const [accepted, setAccepted] = useState(false);
  const policyId = useId();
  const preview = cert.refundPreview;
  const returned = (r: { cash: string; gift: string; benefitPoints: number }) => (
    <RefundAmounts
      testId="cert-returned"
      items={[
        ...splitItems(r),
        {
          key: 'points',
          term: t('cert.refund.points'),
          value: t('cert.refund.pointsValue', { count: r.benefitPoints }),
        },
      ]}
    />
  );
  const notReturned = (
    <p className="text-xs text-slate-600">
      {t('cert.refund.notReturned', {
        voucher: formatMoney(result?.notReturned.voucher ?? cert.paid.voucher),
        discount: formatMoney(result?.notReturned.discount ?? cert.paid.discount),
      })}
    </p>
  );

  return (
    <RefundSteps
      {...steps}
      onClose={onClose}
      details={{
        title: t('cert.refund.title', { domain: cert.domain }),
        description: t('cert.refund.description'),
        canContinue: accepted,
        blockedBy: `${policyId}-hint`,
        body: (
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
            {preview ? returned(preview) : null}
            {notReturned}
            <RefundPolicy id={policyId} accepted={accepted} onChange={setAccepted} />
          </div>
        ),
      }}
      confirm={{
        description: t('cert.refund.confirmBody', { domain: cert.domain }),
        final: t('cert.refund.final'),
        action: t('cert.refund.confirmAction'),
      }}
      done={{
        title: t('cert.refund.doneTitle'),
        body: result ? (
          <>
            <Banner tone="success">{t('cert.refund.doneBody', { domain: cert.domain })}</Banner>
            {returned(result.returned)}
            {notReturned}
          </>
        ) : null,
      }}
    />
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
