import type { Pack } from '@idv/contracts';
import {
  type UseMutationOptions,
  type UseMutationResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmActionDialog } from '../../../components/confirm-action-dialog.tsx';
import { InlineError } from '../../../components/inline-error.tsx';
import { NameAndId } from '../../../components/name-and-id.tsx';
import { QueryView } from '../../../components/query-view.tsx';
import { SkeletonLines } from '../../../components/skeleton-lines.tsx';
import {
  Banner,
  Button,
  EmptyState,
  Field,
  Input,
  Panel,
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

/**
 * A staff action's confirmation: what it does, the reason it needs (required; the customer or the audit
 * log sees it) and, after a failed try, why it failed. Mounted per opening, so the reason starts empty.
 */
function ReasonConfirmDialog({
  title,
  body,
  reasonLabel,
  confirmLabel,
  danger,
  busy,
  error,
  onCancel,
  onConfirm,
}: {
  title: string;
  body: string;
  reasonLabel: string;
  confirmLabel: string;
  danger: boolean;
  busy: boolean;
  error: unknown;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const problem = actionReasonProblem(reason);
  return (
    <ConfirmActionDialog
      open
      title={title}
      confirmLabel={confirmLabel}
      danger={danger}
      busy={busy}
      onCancel={onCancel}
      onConfirm={() => {
        setTried(true);
        if (!problem) onConfirm(reason.trim());
      }}
    >
      <p className="mb-3">{body}</p>
      <Field
        label={reasonLabel}
        hint={t('support.actions.reasonHint')}
        error={tried && problem ? t('support.actions.reasonRequired') : undefined}
      >
        {(p) => <Input {...p} maxLength={REASON_MAX} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <InlineError error={error} />
    </ConfirmActionDialog>
  );
}

/**
 * A staff action on a chosen target (a pack, the flag's new value): `open` picks it and forgets the last
 * outcome; on success the confirmation closes, the packs are read again and `done` says what happened.
 */
function useStaffAction<T, R, V>(
  options: Pick<UseMutationOptions<R, Error, V>, 'mutationKey' | 'mutationFn'>,
  doneText: (result: R) => string,
): {
  target: T | null;
  open: (target: T) => void;
  close: () => void;
  done: string | null;
  mutation: UseMutationResult<R, Error, V>;
} {
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<T | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const mutation = useMutation({
    ...options,
    onSuccess: async (r) => {
      setDone(doneText(r));
      setTarget(null);
      await queryClient.invalidateQueries({ queryKey: ['packs'] });
    },
  });
  function open(next: T) {
    mutation.reset();
    setDone(null);
    setTarget(next);
  }
  return { target, open, close: () => setTarget(null), done, mutation };
}

const isRefusable = (p: Pack) => p.status !== 'refunded';

/** R8.5: refuse a purchased pack's refund for suspected abuse; the customer sees the reason. */
export function RefundRefusals() {
  const { t, tMaybe } = useI18n();
  const packs = useQuery(impersonatedPacksQueryOptions());
  const refusal = useStaffAction<Pack, { packId: string }, { packId: string; reason: string }>(
    refuseRefundMutationOptions(),
    (r) => t('support.refuse.done', { id: r.packId }),
  );

  const pack = refusal.target;
  return (
    <Panel
      title={t('support.refuse.title')}
      description={t('support.refuse.description')}
      headingId="refuse-heading"
      bodyClassName="p-0"
    >
      {refusal.done ? (
        <Banner tone="success" className="m-4">
          {refusal.done}
        </Banner>
      ) : null}
      <QueryView
        query={packs}
        loading={<SkeletonLines />}
        isEmpty={(d) => !d.items.some(isRefusable)}
        empty={<EmptyState headingLevel={3} title={t('support.refuse.empty')} />}
      >
        {(data) => (
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
              {data.items.filter(isRefusable).map((p) => (
                <Tr key={p.id}>
                  <Td>
                    <NameAndId name={`#${p.id}`} id={p.label} />
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
                    <Button size="sm" variant="secondary" onClick={() => refusal.open(p)}>
                      {t('support.refuse.action', { id: p.id })}
                    </Button>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </QueryView>
      {pack ? (
        <ReasonConfirmDialog
          title={t('support.refuse.confirmTitle', { id: pack.id })}
          body={t('support.refuse.confirmBody')}
          reasonLabel={t('support.refuse.reason')}
          confirmLabel={t('support.refuse.confirm')}
          danger
          busy={refusal.mutation.isPending}
          error={refusal.mutation.error}
          onCancel={refusal.close}
          onConfirm={(reason) => refusal.mutation.mutate({ packId: pack.id, reason })}
        />
      ) : null}
    </Panel>
  );
}

/** R8.2: the account-violation flag (distinct from arrears) makes every pack non-refundable. */
export function ViolationFlag({ accountId }: { accountId: string }) {
  const t = useT();
  const flag = useStaffAction<boolean, { violation: boolean }, { violation: boolean; reason: string }>(
    setViolationMutationOptions(accountId),
    (r) => (r.violation ? t('support.violation.doneSet') : t('support.violation.doneCleared')),
  );
  const next = flag.target;
  return (
    <Panel
      title={t('support.violation.title')}
      description={t('support.violation.description')}
      headingId="violation-heading"
    >
      {flag.done ? (
        <Banner tone="success" className="mb-4">
          {flag.done}
        </Banner>
      ) : null}
      <p className="mb-4 text-sm text-slate-600">{t('support.violation.unknownState')}</p>
      <div className="flex flex-wrap gap-2">
        <Button variant="danger" onClick={() => flag.open(true)}>
          {t('support.violation.set')}
        </Button>
        <Button onClick={() => flag.open(false)}>{t('support.violation.clear')}</Button>
      </div>
      {next !== null ? (
        <ReasonConfirmDialog
          title={next ? t('support.violation.confirmSetTitle') : t('support.violation.confirmClearTitle')}
          body={next ? t('support.violation.confirmSetBody') : t('support.violation.confirmClearBody')}
          reasonLabel={t('support.violation.reason')}
          confirmLabel={next ? t('support.violation.set') : t('support.violation.clear')}
          danger={next}
          busy={flag.mutation.isPending}
          error={flag.mutation.error}
          onCancel={flag.close}
          onConfirm={(reason) => flag.mutation.mutate({ violation: next, reason })}
        />
      ) : null}
    </Panel>
  );
}
