import type { Account } from '@idv/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { useId, useState } from 'react';
import { ConfirmActionDialog } from '../../../components/confirm-action-dialog.tsx';
import { MutationError } from '../../../components/mutation-error.tsx';
import { Banner, focusRing, Panel } from '../../../components/ui/index.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { updateAccountMutationOptions } from '../api/update-account.ts';

/**
 * R4.4 The postpaid switch. On: when packs run out, calls fall to pay-as-you-go and are billed at
 * settlement. Off: such calls are refused (NO_QUOTA) and never charged. Turning it off asks first.
 */
export function PostpaidPanel({ account, canEdit }: { account: Account; canEdit: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const labelId = useId();
  const descId = useId();
  const [confirmOff, setConfirmOff] = useState(false);
  const mutation = useMutation({
    ...updateAccountMutationOptions(),
    onSuccess: (updated) => {
      queryClient.setQueryData(['account'], updated);
      setConfirmOff(false);
    },
  });
  const on = account.postpaidEnabled;

  function toggle() {
    mutation.reset();
    if (on) setConfirmOff(true);
    else mutation.mutate({ postpaidEnabled: true });
  }

  return (
    <Panel title={t('account.postpaidPanel.title')} headingId="postpaid">
      <div className="flex flex-col gap-4">
        <div className="flex flex-wrap items-center gap-4">
          <button
            type="button"
            role="switch"
            aria-checked={on}
            aria-labelledby={labelId}
            aria-describedby={descId}
            disabled={!canEdit || mutation.isPending}
            onClick={toggle}
            className={clsx(
              'relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors disabled:cursor-not-allowed disabled:opacity-60',
              on ? 'bg-brand-600' : 'bg-slate-400',
              focusRing,
            )}
          >
            <span
              aria-hidden="true"
              className={clsx(
                'inline-block size-5 rounded-full bg-white shadow transition-transform',
                on ? 'translate-x-5.5' : 'translate-x-0.5',
              )}
            />
          </button>
          <span id={labelId} className="text-sm font-medium text-slate-900">
            {t('account.postpaidPanel.label')}
            {': '}
            <span data-testid="postpaid-state">
              {on ? t('account.postpaid.on') : t('account.postpaidPanel.offShort')}
            </span>
          </span>
          {!canEdit ? <span className="text-xs text-slate-600">{t('money.readOnlyRole')}</span> : null}
        </div>
        <div id={descId} className="grid gap-3 text-sm text-slate-700 sm:grid-cols-2">
          <div className={clsx('rounded border p-3', on ? 'border-brand-300 bg-brand-50' : 'border-slate-200')}>
            <p className="font-medium text-slate-900">{t('account.postpaidPanel.onTitle')}</p>
            <p className="mt-1">{t('account.postpaidPanel.onBody')}</p>
          </div>
          <div className={clsx('rounded border p-3', !on ? 'border-brand-300 bg-brand-50' : 'border-slate-200')}>
            <p className="font-medium text-slate-900">{t('account.postpaidPanel.offTitle')}</p>
            <p className="mt-1">{t('account.postpaidPanel.offBody')}</p>
          </div>
        </div>
        {!confirmOff ? <MutationError error={mutation.error} /> : null}
      </div>
      <ConfirmActionDialog
        open={confirmOff}
        title={t('account.postpaidPanel.confirmTitle')}
        description={t('account.postpaidPanel.confirmBody')}
        confirmLabel={t('account.postpaidPanel.confirmOff')}
        busy={mutation.isPending}
        error={mutation.error}
        onConfirm={() => mutation.mutate({ postpaidEnabled: false })}
        onCancel={() => setConfirmOff(false)}
      >
        <Banner tone="warning">{t('account.postpaidPanel.offBody')}</Banner>
      </ConfirmActionDialog>
    </Panel>
  );
}
