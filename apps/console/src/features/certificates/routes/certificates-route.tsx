import type { CertificateOrder } from '@idv/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryView } from '../../../components/query-view.tsx';
import { Button, DataTable, EmptyState, PageHeader, Panel } from '../../../components/ui/index.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { formatMoney } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { can, readOnlyKey } from '../../../lib/permissions.ts';
import { certificatesQueryOptions } from '../api/certificates.ts';
import { meQueryOptions } from '../api/me.ts';
import { CancelCertificateDialog, RefundCertificateDialog } from '../components/certificate-dialogs.tsx';
import { CertificateStatusBadge } from '../components/certificate-status-badge.tsx';

function Actions({
  cert,
  mayAct,
  readOnly,
}: {
  cert: CertificateOrder;
  mayAct: boolean;
  readOnly: ReturnType<typeof readOnlyKey>;
}) {
  const { t, tMaybe } = useI18n();
  // The order as it was when a dialog opened: after the action the refreshed order offers no action,
  // and the dialog must stay to show the outcome.
  const [open, setOpen] = useState<{ kind: 'cancel' | 'refund'; cert: CertificateOrder } | null>(null);
  // Always rendered second in a fragment, so a dialog keeps its state when the cell's content changes.
  const dialogs =
    open?.kind === 'cancel' ? (
      <CancelCertificateDialog cert={open.cert} onClose={() => setOpen(null)} />
    ) : open?.kind === 'refund' ? (
      <RefundCertificateDialog cert={open.cert} onClose={() => setOpen(null)} />
    ) : null;
  const actions = cert.actions;
  if (!actions.cancel && !actions.refund) {
    return (
      <>
        <span className="text-xs text-slate-600">
          {actions.refundBlockedBy
            ? tMaybe(`cert.blocked.${actions.refundBlockedBy}`, actions.refundBlockedBy)
            : t('common.dash')}
        </span>
        {dialogs}
      </>
    );
  }
  if (!mayAct) return <span className="text-xs text-slate-600">{t(readOnly)}</span>;
  return (
    <>
      <div className="flex flex-col items-start gap-1">
        {(['cancel', 'refund'] as const).map((kind) =>
          actions[kind] ? (
            <Button key={kind} size="sm" onClick={() => setOpen({ kind, cert })}>
              {t(`cert.action.${kind}`)}
              <span className="sr-only"> {cert.domain}</span>
            </Button>
          ) : null,
        )}
        {actions.cancel && actions.refundBlockedBy === 'CERTIFICATE_PENDING_CANCEL_FIRST' ? (
          <span className="text-xs text-slate-600 md:max-w-56">
            {t('cert.blocked.CERTIFICATE_PENDING_CANCEL_FIRST')}
          </span>
        ) : null}
      </div>
      {dialogs}
    </>
  );
}

/** R8.6 SSL certificate orders: status, what was paid, Cancel Application and Refund. */
export function CertificatesRoute() {
  const { t, tMaybe } = useI18n();
  const certs = useQuery(certificatesQueryOptions());
  const me = useQuery(meQueryOptions()).data;
  const mayAct = can(me, 'refund');
  return (
    <>
      <PageHeader title={t('cert.title')} description={t('cert.subtitle')} />
      <Panel bodyClassName="p-0">
        <QueryView
          query={certs}
          skeleton="h-40"
          isEmpty={(d) => d.items.length === 0}
          empty={<EmptyState title={t('cert.empty')}>{t('cert.emptyBody')}</EmptyState>}
        >
          {(data) => (
            <DataTable
              caption={t('cert.caption')}
              stack
              rows={data.items}
              columns={[
                {
                  key: 'domain',
                  head: t('cert.col.domain'),
                  label: '',
                  wide: true,
                  cell: (c) => (
                    <>
                      <span className="font-medium break-all text-slate-900">{c.domain}</span>
                      <div className="font-mono text-xs break-all text-slate-600">{c.id}</div>
                    </>
                  ),
                },
                {
                  key: 'product',
                  head: t('cert.col.product'),
                  cell: (c) => tMaybe(`cert.product.${c.product}`, c.product),
                },
                {
                  key: 'status',
                  head: t('cert.col.status'),
                  cell: (c) => (
                    <>
                      <CertificateStatusBadge status={c.status} />
                      {c.refundedAt ? (
                        <div className="mt-1 text-xs text-slate-600 tabular">{formatDateTime(c.refundedAt)}</div>
                      ) : null}
                    </>
                  ),
                },
                {
                  key: 'amount',
                  head: t('cert.col.amount'),
                  align: 'right',
                  className: 'max-md:font-semibold',
                  cell: (c) => formatMoney(c.amount),
                },
                {
                  key: 'paid',
                  head: t('cert.col.paid'),
                  className: 'text-xs text-slate-700 tabular',
                  cell: (c) => (
                    <>
                      {t('cert.paidSplit', {
                        cash: formatMoney(c.paid.cash),
                        gift: formatMoney(c.paid.gift),
                        voucher: formatMoney(c.paid.voucher),
                        discount: formatMoney(c.paid.discount),
                      })}
                      {c.benefitPoints > 0 ? <div>{t('cert.points', { count: c.benefitPoints })}</div> : null}
                    </>
                  ),
                },
                {
                  key: 'createdAt',
                  head: (
                    <>
                      {t('cert.col.createdAt')} <span className="font-normal text-slate-600">({t('common.cst')})</span>
                    </>
                  ),
                  label: `${t('cert.col.createdAt')} (${t('common.cst')})`,
                  className: 'tabular whitespace-nowrap',
                  cell: (c) => formatDateTime(c.createdAt),
                },
                {
                  key: 'actions',
                  head: t('cert.col.actions'),
                  headClassName: 'min-w-44',
                  wide: true,
                  cell: (c) => <Actions cert={c} mayAct={mayAct} readOnly={readOnlyKey(me)} />,
                },
              ]}
            />
          )}
        </QueryView>
      </Panel>
    </>
  );
}
