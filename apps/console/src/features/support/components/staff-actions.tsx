import type { Pack } from '@idv/contracts';
import {
  type UseMutationOptions,
  type UseMutationResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ConfirmActionDialog } from '../../../components/confirm-action-dialog.tsx';
import { InlineError } from '../../../components/inline-error.tsx';
import { NameAndId } from '../../../components/name-and-id.tsx';
import { QueryView } from '../../../components/query-view.tsx';
import { SkeletonLines } from '../../../components/skeleton-lines.tsx';
import { Banner, Button, DataTable, EmptyState, Field, Input, Panel } from '../../../components/ui/index.ts';
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

/** A staff action's panel, with what the last action did (a success banner) above its content. */
function ActionPanel({
  title,
  description,
  headingId,
  flush = false,
  done,
  children,
}: {
  title: string;
  description: string;
  headingId: string;
  /** The content runs edge to edge (a table). */
  flush?: boolean;
  done: string | null;
  children: ReactNode;
}) {
  return (
    <Panel title={title} description={description} headingId={headingId} bodyClassName={flush ? 'p-0' : undefined}>
      {done ? (
        <Banner tone="success" className={flush ? 'm-4' : 'mb-4'}>
          {done}
        </Banner>
      ) : null}
      {children}
    </Panel>
  );
}

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
    <ActionPanel
      title={t('support.refuse.title')}
      description={t('support.refuse.description')}
      headingId="refuse-heading"
      flush
      done={refusal.done}
    >
      <QueryView
        query={packs}
        loading={<SkeletonLines />}
        isEmpty={(d) => !d.items.some(isRefusable)}
        empty={<EmptyState headingLevel={3} title={t('support.refuse.empty')} />}
      >
        {(data) => (
          <DataTable
            caption={t('support.refuse.caption')}
            rows={data.items.filter(isRefusable)}
            columns={[
              {
                key: 'pack',
                head: t('support.refuse.col.pack'),
                cell: (p) => <NameAndId name={`#${p.id}`} id={p.label} />,
              },
              {
                key: 'remaining',
                head: t('support.refuse.col.remaining'),
                align: 'right',
                cell: (p) => `${formatCount(p.remaining)} / ${formatCount(p.total)}`,
              },
              {
                key: 'acquiredAt',
                head: t('support.refuse.col.acquiredAt'),
                className: 'tabular',
                cell: (p) => formatDateTime(p.acquiredAt),
              },
              {
                key: 'refund',
                head: t('support.refuse.col.refund'),
                className: 'max-w-72 text-xs',
                cell: (p) =>
                  p.refund.eligible
                    ? t('support.refuse.eligible')
                    : tMaybe(`packs.refund.reason.${p.refund.reason}`, p.refund.reasonText ?? p.refund.reason ?? ''),
              },
            ]}
            actions={{
              label: t('support.col.actions'),
              cell: (p) => (
                <Button size="sm" variant="secondary" onClick={() => refusal.open(p)}>
                  {t('support.refuse.action', { id: p.id })}
                </Button>
              ),
            }}
          />
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
    </ActionPanel>
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
    <ActionPanel
      title={t('support.violation.title')}
      description={t('support.violation.description')}
      headingId="violation-heading"
      done={flag.done}
    >
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
    </ActionPanel>
  );
}
