import type { RechargeResult } from '@idv/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { MutationError } from '../../../components/mutation-error.tsx';
import { Banner, Button, Dialog, Field, Input } from '../../../components/ui/index.ts';
import { formatMoney } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { newIdempotencyKey } from '../../../lib/idempotency.ts';
import { rechargeMutationOptions } from '../api/recharge.ts';

/** The recharge amount rule of the API (RechargeBody): positive, at most 2 decimals, ≤ 8 integer digits. */
const AMOUNT = /^\d{1,8}(\.\d{1,2})?$/;

export function validateRechargeAmount(raw: string): 'required' | 'format' | 'positive' | null {
  const v = raw.trim();
  if (v === '') return 'required';
  if (!AMOUNT.test(v)) return 'format';
  if (/^0+(\.0*)?$/.test(v)) return 'positive';
  return null;
}

/**
 * R2.1 Recharge: adds to cash through the payment provider (the sandbox one by default).
 * The Idempotency-Key is made once per amount and reused when the customer retries after a failure,
 * so a retry never pays twice.
 */
export function RechargeDialog({
  open,
  onClose,
  initialAmount,
}: {
  open: boolean;
  onClose: () => void;
  initialAmount?: string;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [amount, setAmount] = useState(initialAmount ?? '');
  const [touched, setTouched] = useState(false);
  const attempt = useRef<{ key: string; amount: string } | null>(null);
  const [done, setDone] = useState<{ amount: string; account: RechargeResult } | null>(null);
  const mutation = useMutation({
    ...rechargeMutationOptions(),
    onSuccess: (account, vars) => {
      attempt.current = null;
      queryClient.setQueryData(['account'], account);
      void queryClient.invalidateQueries({ queryKey: ['account'] });
      void queryClient.invalidateQueries({ queryKey: ['bills'] });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
      setDone({ amount: vars.amount, account });
    },
  });
  const error = validateRechargeAmount(amount);
  const showError = touched && error;

  function close() {
    if (mutation.isPending) return;
    mutation.reset();
    setDone(null);
    setTouched(false);
    setAmount(initialAmount ?? '');
    onClose();
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (error) return;
    const value = amount.trim();
    if (!attempt.current || attempt.current.amount !== value) {
      attempt.current = { key: newIdempotencyKey(), amount: value };
    }
    mutation.mutate({ amount: value, idempotencyKey: attempt.current.key });
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      dismissible={!mutation.isPending}
      closeLabel={t('dialog.close')}
      title={t('account.recharge.title')}
      description={t('account.recharge.description')}
      footer={
        done ? (
          <Button variant="primary" onClick={close}>
            {t('dialog.done')}
          </Button>
        ) : (
          <>
            <Button onClick={close} disabled={mutation.isPending}>
              {t('dialog.cancel')}
            </Button>
            <Button variant="primary" type="submit" form="recharge-form" loading={mutation.isPending}>
              {mutation.isError ? t('dialog.retry') : t('account.recharge.submit')}
            </Button>
          </>
        )
      }
    >
      {done ? (
        <div className="flex flex-col gap-3">
          <Banner tone="success" title={t('account.recharge.doneTitle')}>
            {t('account.recharge.doneBody', {
              amount: formatMoney(done.amount),
              available: formatMoney(done.account.balances.available),
            })}
          </Banner>
          {done.account.shortfall ? (
            // R6.3 the recharge left the balance below 0: say so, and how much more is needed.
            <Banner tone="warning" title={t('account.recharge.shortTitle')}>
              {t('account.recharge.shortBody', { shortfall: formatMoney(done.account.shortfall) })}
            </Banner>
          ) : null}
        </div>
      ) : (
        <form id="recharge-form" noValidate onSubmit={submit} className="flex flex-col gap-4">
          <Field
            label={t('account.recharge.amount')}
            hint={t('account.recharge.amountHint')}
            error={showError ? t(`account.recharge.error.${error}`) : undefined}
          >
            {(p) => (
              <div className="flex items-center gap-2">
                <span aria-hidden="true" className="text-slate-600">
                  ¥
                </span>
                <Input
                  {...p}
                  inputMode="decimal"
                  autoComplete="off"
                  value={amount}
                  onChange={(e) => setAmount(e.target.value)}
                  onBlur={() => setTouched(true)}
                  className="max-w-48 tabular"
                />
              </div>
            )}
          </Field>
          <p className="text-xs text-slate-600">{t('account.recharge.sandbox')}</p>
          <MutationError error={mutation.error} />
        </form>
      )}
    </Dialog>
  );
}
