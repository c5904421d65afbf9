import type { StaffAccount } from '@idv/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../components/query-error.tsx';
import { Banner, Button, CheckboxField, Field, Input } from '../../../components/ui/index.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n.tsx';
import { startImpersonationMutationOptions } from '../api/impersonation.ts';
import { meQueryKey } from '../api/me.ts';
import { REASON_MAX, REASON_MIN, reasonProblem, reasonWeight, TICKET_MAX } from '../reason.ts';

/**
 * R9.2: start acting on an account, with a reason (at least a sentence, the server's rule), an
 * optional ticket id, and write access only for agents holding support_write who ask for it.
 */
export function StartImpersonationForm({ account, mayWrite }: { account: StaffAccount; mayWrite: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [ticket, setTicket] = useState('');
  const [write, setWrite] = useState(false);
  const [touched, setTouched] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const start = useMutation({
    ...startImpersonationMutationOptions(),
    onSuccess: async () => {
      // Now the session acts on the customer's account: nothing cached before may show.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
      await queryClient.refetchQueries({ queryKey: meQueryKey });
      await navigate('/packs');
    },
  });

  const problem = reasonProblem(reason);
  const reasonError =
    touched && problem
      ? problem === 'tooLong'
        ? t('support.start.reasonTooLong', { max: REASON_MAX })
        : t('support.start.reasonTooShortWeighted', { min: REASON_MIN, minCjk: Math.ceil(REASON_MIN / 2) })
      : undefined;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (problem) {
      reasonRef.current?.focus();
      return;
    }
    start.mutate({
      accountId: account.id,
      reason: reason.trim(),
      ticket: ticket.trim() || undefined,
      write: mayWrite && write ? true : undefined,
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {start.isError ? (
        <Banner tone="error" title={t('support.start.failed')}>
          {isApiError(start.error, 'CONFLICT') ? t('support.start.conflict') : errorMessage(start.error, t)}
        </Banner>
      ) : null}
      <Field
        label={t('support.start.reason')}
        hint={t('support.start.reasonHintWeighted', {
          min: REASON_MIN,
          minCjk: Math.ceil(REASON_MIN / 2),
          count: reasonWeight(reason),
        })}
        error={reasonError}
      >
        {(p) => (
          <textarea
            {...p}
            ref={reasonRef}
            name="reason"
            required
            rows={3}
            maxLength={REASON_MAX + 50}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            onBlur={() => reason && setTouched(true)}
            className="block w-full rounded border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 hover:border-slate-400 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600 aria-[invalid=true]:border-red-600"
          />
        )}
      </Field>
      <Field label={t('support.start.ticket')} hint={t('support.start.ticketHint')} className="max-w-xs">
        {(p) => (
          <Input
            {...p}
            name="ticket"
            maxLength={TICKET_MAX}
            value={ticket}
            onChange={(e) => setTicket(e.target.value)}
          />
        )}
      </Field>
      {mayWrite ? (
        <CheckboxField
          label={t('support.start.write')}
          hint={t('support.start.writeHint')}
          danger
          checked={write}
          onChange={(e) => setWrite(e.target.checked)}
        />
      ) : (
        <p className="text-xs text-slate-600">{t('support.start.readOnlyOnly')}</p>
      )}
      <div>
        <Button type="submit" variant="primary" loading={start.isPending}>
          {write && mayWrite ? t('support.start.submitWrite') : t('support.start.submit')}
        </Button>
      </div>
    </form>
  );
}
