import type { Pack } from '@idv/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage, QueryError } from '../../../components/query-error.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import {
  Banner,
  Busy,
  Button,
  EmptyState,
  Field,
  Input,
  Panel,
  Skeleton,
  Table,
  TBody,
  Td,
  THead,
  Th,
  Tr,
} from '../../../components/ui/index.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { formatCount } from '../../../lib/format.ts';
import { useI18n, useT } from '../../../lib/i18n.tsx';
import { impersonatedPacksQueryOptions } from '../api/packs.ts';
import { refuseRefundMutationOptions, setViolationMutationOptions } from '../api/staff-actions.ts';
import { actionReasonProblem, REASON_MAX } from '../reason.ts';

function ReasonInput({
  value,
  onChange,
  label,
  showError,
}: {
  value: string;
  onChange: (v: string) => void;
  label: string;
  showError: boolean;
}) {
  const t = useT();
  const problem = actionReasonProblem(value);
  return (
    <Field
      label={label}
      hint={t('support.actions.reasonHint')}
      error={showError && problem ? t('support.actions.reasonRequired') : undefined}
    >
      {(p) => <Input {...p} maxLength={REASON_MAX} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

/** R8.5: refuse a purchased pack's refund for suspected abuse; the customer sees the reason. */
export function RefundRefusals() {
  const { t, tMaybe } = useI18n();
  const queryClient = useQueryClient();
  const packs = useQuery(impersonatedPacksQueryOptions());
  const [target, setTarget] = useState<Pack | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const refuse = useMutation({
    ...refuseRefundMutationOptions(),
    onSuccess: async (r) => {
      setDone(t('support.refuse.done', { id: r.packId }));
      setTarget(null);
      await queryClient.invalidateQueries({ queryKey: ['packs'] });
    },
  });

  function open(p: Pack) {
    refuse.reset();
    setReason('');
    setTried(false);
    setDone(null);
    setTarget(p);
  }

  const refusable = (packs.data?.items ?? []).filter((p) => p.status !== 'refunded');
  return (
    <Panel
      title={t('support.refuse.title')}
      description={t('support.refuse.description')}
      headingId="refuse-heading"
      bodyClassName="p-0"
    >
      {done ? (
        <Banner tone="success" className="m-4">
          {done}
        </Banner>
      ) : null}
      {packs.isPending ? (
        <Busy label={t('common.loading')} className="flex flex-col gap-3 p-5">
          <Skeleton className="h-5 w-2/3" />
          <Skeleton className="h-5 w-1/2" />
        </Busy>
      ) : packs.isError ? (
        <QueryError error={packs.error} onRetry={() => void packs.refetch()} className="m-5" />
      ) : refusable.length === 0 ? (
        <EmptyState headingLevel={3} title={t('support.refuse.empty')} />
      ) : (
        <Table caption={t('support.refuse.caption')}>
          <THead>
            <tr>
              <Th>{t('support.refuse.col.pack')}</Th>
              <Th align="right">{t('support.refuse.col.remaining')}</Th>
              <Th>{t('support.refuse.col.acquiredAt')}</Th>
              <Th>{t('support.refuse.col.refund')}</Th>
              <Th>
                <span className="sr-only">{t('support.col.actions')}</span>
              </Th>
            </tr>
          </THead>
          <TBody>
            {refusable.map((p) => (
              <Tr key={p.id}>
                <Td>
                  <p className="font-medium">#{p.id}</p>
                  <p className="font-mono text-xs text-slate-600">{p.label}</p>
                </Td>
                <Td align="right">
                  {formatCount(p.remaining)} / {formatCount(p.total)}
                </Td>
                <Td className="tabular">{formatDateTime(p.acquiredAt)}</Td>
                <Td className="max-w-72 text-xs">
                  {p.refund.eligible
                    ? t('support.refuse.eligible')
                    : tMaybe(`packs.refund.reason.${p.refund.reason}`, p.refund.reasonText ?? p.refund.reason ?? '')}
                </Td>
                <Td align="right">
                  <Button size="sm" variant="secondary" onClick={() => open(p)}>
                    {t('support.refuse.action', { id: p.id })}
                  </Button>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <ConfirmDialog
        cancelLabel={t('support.confirm.cancel')}
        closeLabel={t('support.confirm.close')}
        open={target !== null}
        title={t('support.refuse.confirmTitle', { id: target?.id ?? '' })}
        confirmLabel={t('support.refuse.confirm')}
        danger
        busy={refuse.isPending}
        onCancel={() => setTarget(null)}
        onConfirm={() => {
          setTried(true);
          if (!target || actionReasonProblem(reason)) return;
          refuse.mutate({ packId: target.id, reason: reason.trim() });
        }}
      >
        <p className="mb-3">{t('support.refuse.confirmBody')}</p>
        <ReasonInput value={reason} onChange={setReason} label={t('support.refuse.reason')} showError={tried} />
        {refuse.isError ? (
          <p role="alert" className="mt-2 text-sm text-red-700">
            {errorMessage(refuse.error, t)}
          </p>
        ) : null}
      </ConfirmDialog>
    </Panel>
  );
}

/** R8.2: the account-violation flag (distinct from arrears) makes every pack non-refundable. */
export function ViolationFlag({ accountId }: { accountId: string }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [next, setNext] = useState<boolean | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const mutation = useMutation({
    ...setViolationMutationOptions(accountId),
    onSuccess: async (r) => {
      setDone(r.violation ? t('support.violation.doneSet') : t('support.violation.doneCleared'));
      setNext(null);
      await queryClient.invalidateQueries({ queryKey: ['packs'] });
    },
  });
  function open(v: boolean) {
    mutation.reset();
    setReason('');
    setTried(false);
    setDone(null);
    setNext(v);
  }
  return (
    <Panel
      title={t('support.violation.title')}
      description={t('support.violation.description')}
      headingId="violation-heading"
    >
      {done ? (
        <Banner tone="success" className="mb-4">
          {done}
        </Banner>
      ) : null}
      <p className="mb-4 text-sm text-slate-600">{t('support.violation.unknownState')}</p>
      <div className="flex flex-wrap gap-2">
        <Button variant="danger" onClick={() => open(true)}>
          {t('support.violation.set')}
        </Button>
        <Button onClick={() => open(false)}>{t('support.violation.clear')}</Button>
      </div>
      <ConfirmDialog
        cancelLabel={t('support.confirm.cancel')}
        closeLabel={t('support.confirm.close')}
        open={next !== null}
        title={next ? t('support.violation.confirmSetTitle') : t('support.violation.confirmClearTitle')}
        confirmLabel={next ? t('support.violation.set') : t('support.violation.clear')}
        danger={next === true}
        busy={mutation.isPending}
        onCancel={() => setNext(null)}
        onConfirm={() => {
          setTried(true);
          if (next === null || actionReasonProblem(reason)) return;
          mutation.mutate({ violation: next, reason: reason.trim() });
        }}
      >
        <p className="mb-3">{next ? t('support.violation.confirmSetBody') : t('support.violation.confirmClearBody')}</p>
        <ReasonInput value={reason} onChange={setReason} label={t('support.violation.reason')} showError={tried} />
        {mutation.isError ? (
          <p role="alert" className="mt-2 text-sm text-red-700">
            {errorMessage(mutation.error, t)}
          </p>
        ) : null}
      </ConfirmDialog>
    </Panel>
  );
}
