import type { RechargeResult } from '@idv/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { FormDialog } from '../../../components/form-dialog.tsx';
import { AmountInput, Banner, Button, buttonClasses, Field } from '../../../components/ui/index.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { formatMoney } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { newIdempotencyKey } from '../../../lib/idempotency.ts';
import { accountQueryOptions } from '../api/account.ts';
import { rechargeMutationOptions } from '../api/recharge.ts';
import { debtToClear, stillMissing } from '../arrears.ts';

/** The recharge amount rule of the API (RechargeBody): positive, at most 2 decimals, ≤ 8 integer digits. */
const AMOUNT = /^\d{1,8}(\.\d{1,2})?$/;

export function validateRechargeAmount(raw: string): 'required' | 'format' | 'positive' | null {
  const v = raw.trim();
  if (v === '') return 'required';
  if (!AMOUNT.test(v)) return 'format';
  if (/^0+(\.0*)?$/.test(v)) return 'positive';
  return null;
}

/** Only a path inside the buy page may be offered as the way back (never another origin). */
export function safeBackToOrder(back: string | null | undefined): string | null {
  if (!back) return null;
  return /^\/buy(?:[?#]|$)/.test(back) && !back.startsWith('//') ? back : null;
}

/**
 * R2.1 Recharge: adds to cash through the payment provider (the sandbox one by default).
 * The Idempotency-Key is made once per amount and reused when the customer retries after a failure,
 * so a retry never pays twice.
 *
 * Issue 17 / R6.3: in arrears it says what is owed and is pre-filled with it; an amount that is not
 * enough says, before and after paying, what is still missing and that service stays stopped. Opened
 * from the buy page (`backTo`), it offers the way back to that same order.
 */
export function RechargeDialog({
  open,
  onClose,
  initialAmount,
  backTo,
}: {
  open: boolean;
  onClose: () => void;
  initialAmount?: string;
  /** The buy page's URL of the order the customer was placing (see safeBackToOrder). */
  backTo?: string | null;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [amount, setAmount] = useState(initialAmount ?? '');
  const [touched, setTouched] = useState(false);
  const account = useQuery({ ...accountQueryOptions(), enabled: open }).data;
  const status = account?.status ?? 'active';
  const debt = account && status !== 'active' ? debtToClear(account.balances.available) : null;
  // In arrears and opened without an amount: start from what is owed (R6.3), until the customer types.
  useEffect(() => {
    if (open && debt && !touched) setAmount((a) => (a.trim() === '' ? debt : a));
  }, [open, debt, touched]);
  const attempt = useRef<{ key: string; amount: string } | null>(null);
  const [done, setDone] = useState<{ amount: string; account: RechargeResult } | null>(null);
  const back = safeBackToOrder(backTo);
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
  const missing = debt && !error && status !== 'active' ? stillMissing(debt, amount) : null;

  function close() {
    if (mutation.isPending) return;
    mutation.reset();
    setDone(null);
    setTouched(false);
    setAmount(initialAmount ?? '');
    onClose();
  }

  /** After a recharge that was not enough: the same dialog again, with the rest pre-filled. */
  function rechargeMore(shortfall: string) {
    mutation.reset();
    setDone(null);
    setTouched(false);
    setAmount(shortfall);
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
    <FormDialog
      open={open}
      onClose={close}
      title={t('account.recharge.title')}
      description={t('account.recharge.description')}
      formId="recharge-form"
      onSubmit={submit}
      submitLabel={mutation.isError ? t('dialog.retry') : t('account.recharge.submit')}
      pending={mutation.isPending}
      error={mutation.error}
      result={
        done ? (
          <div className="flex flex-col gap-3">
            <Banner tone="success" title={t('account.recharge.doneTitle')}>
              {t('account.recharge.doneBody', {
                amount: formatMoney(done.amount),
                available: formatMoney(done.account.balances.available),
              })}
            </Banner>
            {done.account.shortfall ? (
              // R6.3 the recharge left the balance below 0: say so, and how much more is needed.
              <Banner
                tone="warning"
                title={
                  done.account.status === 'active'
                    ? t('account.recharge.shortTitle')
                    : t(`recharge.short.title.${done.account.status}`)
                }
              >
                <p data-testid="recharge-shortfall">
                  {t('recharge.short.body', { shortfall: formatMoney(done.account.shortfall) })}
                </p>
                <Button size="sm" className="mt-2" onClick={() => rechargeMore(done.account.shortfall ?? '')}>
                  {t('recharge.short.more', { shortfall: formatMoney(done.account.shortfall) })}
                </Button>
              </Banner>
            ) : null}
            {back ? (
              <Link to={back} className={buttonClasses('primary', 'md', 'self-start')} data-testid="recharge-back">
                {t('recharge.back.link')}
              </Link>
            ) : null}
          </div>
        ) : undefined
      }
    >
      {debt && account ? (
        <Banner
          tone={status === 'arrears' ? 'warning' : 'error'}
          title={t('recharge.owed.title', { amount: formatMoney(debt) })}
        >
          <p data-testid="recharge-owed">
            {t(`recharge.owed.${status === 'arrears' ? 'arrears' : status === 'released' ? 'released' : 'suspended'}`, {
              amount: formatMoney(debt),
              available: formatMoney(account.balances.available),
              suspendsAt: formatDateTime(account.suspendsAt),
            })}
          </p>
        </Banner>
      ) : null}
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
            <AmountInput {...p} value={amount} onValueChange={setAmount} onBlur={() => setTouched(true)} />
          </div>
        )}
      </Field>
      {missing ? (
        <p className="text-sm text-amber-900" data-testid="recharge-partial" aria-live="polite">
          {t(
            `recharge.partial.${status === 'arrears' ? 'arrears' : status === 'released' ? 'released' : 'suspended'}`,
            {
              amount: formatMoney(amount.trim()),
              missing: formatMoney(missing),
              suspendsAt: formatDateTime(account?.suspendsAt ?? null),
            },
          )}
        </p>
      ) : null}
      {back ? <p className="text-xs text-slate-600">{t('recharge.back.hint')}</p> : null}
      <p className="text-xs text-slate-600">{t('account.recharge.sandbox')}</p>
    </FormDialog>
  );
}
