import type { Refund } from '@idv/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { BackLink } from '../../../components/back-link.tsx';
import { Pager, useUrlCursor } from '../../../components/pager.tsx';
import { QueryView } from '../../../components/query-view.tsx';
import { type Column, DataTable, EmptyState, PageHeader, Panel } from '../../../components/ui/index.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { formatMoney } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { refundsQueryOptions } from '../api/refunds.ts';

/** What was refunded: the certificate order (and its points) or the pack, linked to its page. */
function RefundItem({ r }: { r: Refund }) {
  const { t } = useI18n();
  if (r.kind === 'certificate' && r.certificate) {
    return (
      <span className="flex flex-col">
        <Link to="/certificates" className="text-brand-700 underline-offset-2 hover:underline">
          {t('refund.list.certificate', { domain: r.certificate.domain })}
        </Link>
        {r.certificate.benefitPoints > 0 ? (
          <span className="text-xs text-slate-600">
            {t('refund.list.points', { count: r.certificate.benefitPoints })}
          </span>
        ) : null}
      </span>
    );
  }
  return (
    <Link to={`/packs/${r.packId}`} className="text-brand-700 underline-offset-2 hover:underline">
      {r.label} #{r.packId}
    </Link>
  );
}

/**
 * R8 The refunds of the account: what was refunded (a resource pack or, R8.6, an SSL certificate order),
 * when, and what went back to each balance.
 */
export function RefundsRoute() {
  const { t } = useI18n();
  const { cursor, first, next } = useUrlCursor();
  const refunds = useQuery(refundsQueryOptions(cursor));
  const cst = `(${t('common.cst')})`;
  const money = (key: 'cash' | 'income' | 'gift'): Column<Refund> => ({
    key,
    head: t(`refund.to.${key}`),
    align: 'right',
    cell: (r) => formatMoney(r.returned[key]),
  });
  const columns: Column<Refund>[] = [
    {
      key: 'at',
      head: (
        <>
          {t('refund.list.at')} <span className="font-normal text-slate-600">{cst}</span>
        </>
      ),
      className: 'tabular whitespace-nowrap',
      cell: (r) => formatDateTime(r.createdAt),
    },
    {
      key: 'kind',
      head: t('refund.list.kind'),
      cell: (r) => t(r.kind === 'certificate' ? 'refund.kind.certificate' : 'refund.kind.pack'),
    },
    { key: 'item', head: t('refund.list.item'), cell: (r) => <RefundItem r={r} /> },
    { key: 'order', head: t('refund.list.order'), className: 'font-mono text-xs break-all', cell: (r) => r.orderId },
    {
      key: 'amount',
      head: t('refund.list.amount'),
      align: 'right',
      className: 'font-medium',
      cell: (r) => formatMoney(r.amount),
    },
    money('cash'),
    money('income'),
    money('gift'),
  ];

  return (
    <>
      <PageHeader
        title={t('refund.list.title')}
        description={t('refund.list.subtitleAll')}
        back={<BackLink to="/account">{t('refund.list.back')}</BackLink>}
      />
      <Panel bodyClassName="p-0">
        <QueryView
          query={refunds}
          isEmpty={(d) => d.items.length === 0}
          empty={<EmptyState title={t('refund.list.empty')}>{t('refund.list.emptyBody')}</EmptyState>}
        >
          {(data) => (
            <>
              <DataTable
                caption={t('refund.list.caption')}
                busy={refunds.isPlaceholderData}
                rows={data.items}
                rowKey={(r) => `${r.kind}:${r.id}`}
                columns={columns}
              />
              <Pager
                label={t('refund.list.paging')}
                cursor={cursor}
                nextCursor={data.nextCursor}
                onFirst={first}
                onNext={next}
              />
            </>
          )}
        </QueryView>
        <p className="border-t border-slate-200 px-5 py-3 text-xs text-slate-600">{t('refund.voucherNotReturned')}</p>
      </Panel>
    </>
  );
}
