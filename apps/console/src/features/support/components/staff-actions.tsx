import type { Pack } from '@idv/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

const isRefusable = (p: Pack) => p.status !== 'refunded';

/** R8.5: refuse a purchased pack's refund for suspected abuse; the customer sees the reason. */
export function RefundRefusals() {
  const { t, tMaybe } = useI18n();
  const queryClient = useQueryClient();
  const packs = useQuery(impersonatedPacksQueryOptions());
  const [target, setTarget] = useState<Pack | null>(null);
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
    setDone(null);
    setTarget(p);
  }

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
                    <Button size="sm" variant="secondary" onClick={() => open(p)}>
                      {t('support.refuse.action', { id: p.id })}
                    </Button>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </QueryView>
      {target ? (
        <ReasonConfirmDialog
          title={t('support.refuse.confirmTitle', { id: target.id })}
          body={t('support.refuse.confirmBody')}
          reasonLabel={t('support.refuse.reason')}
          confirmLabel={t('support.refuse.confirm')}
          danger
          busy={refuse.isPending}
          error={refuse.error}
          onCancel={() => setTarget(null)}
          onConfirm={(reason) => refuse.mutate({ packId: target.id, reason })}
        />
      ) : null}
    </Panel>
  );
}

/** R8.2: the account-violation flag (distinct from arrears) makes every pack non-refundable. */
export function ViolationFlag({ accountId }: { accountId: string }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [next, setNext] = useState<boolean | null>(null);
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
      {next !== null ? (
        <ReasonConfirmDialog
          title={next ? t('support.violation.confirmSetTitle') : t('support.violation.confirmClearTitle')}
          body={next ? t('support.violation.confirmSetBody') : t('support.violation.confirmClearBody')}
          reasonLabel={t('support.violation.reason')}
          confirmLabel={next ? t('support.violation.set') : t('support.violation.clear')}
          danger={next}
          busy={mutation.isPending}
          error={mutation.error}
          onCancel={() => setNext(null)}
          onConfirm={(reason) => mutation.mutate({ violation: next, reason })}
        />
      ) : null}
    </Panel>
  );
}
