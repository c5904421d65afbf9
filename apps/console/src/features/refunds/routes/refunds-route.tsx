import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { BackLink } from '../../../components/detail-view.tsx';
import { Pager, useUrlCursor } from '../../../components/pager.tsx';
import { QueryView } from '../../../components/query-view.tsx';
import { EmptyState, PageHeader, Panel, Table, TBody, Td, THead, Th, Tr } from '../../../components/ui/index.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { formatMoney } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { refundsQueryOptions } from '../api/refunds.ts';

/**
 * R8 The refunds of the account: what was refunded (a resource pack or, R8.6, an SSL certificate order),
 * when, and what went back to each balance.
 */
export function RefundsRoute() {
  const { t } = useI18n();
  const { cursor, first, next } = useUrlCursor();
  const refunds = useQuery(refundsQueryOptions(cursor));
  const cst = `(${t('common.cst')})`;

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
              <Table caption={t('refund.list.caption')} busy={refunds.isPlaceholderData}>
                <THead>
                  <tr>
                    <Th>
                      {t('refund.list.at')} <span className="font-normal text-slate-600">{cst}</span>
                    </Th>
                    <Th>{t('refund.list.kind')}</Th>
                    <Th>{t('refund.list.item')}</Th>
                    <Th>{t('refund.list.order')}</Th>
                    <Th align="right">{t('refund.list.amount')}</Th>
                    <Th align="right">{t('refund.to.cash')}</Th>
                    <Th align="right">{t('refund.to.income')}</Th>
                    <Th align="right">{t('refund.to.gift')}</Th>
                  </tr>
                </THead>
                <TBody>
                  {data.items.map((r) => (
                    <Tr key={`${r.kind}:${r.id}`}>
                      <Td className="tabular whitespace-nowrap">{formatDateTime(r.createdAt)}</Td>
                      <Td>{t(r.kind === 'certificate' ? 'refund.kind.certificate' : 'refund.kind.pack')}</Td>
                      <Td>
                        {r.kind === 'certificate' && r.certificate ? (
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
                        ) : (
                          <Link to={`/packs/${r.packId}`} className="text-brand-700 underline-offset-2 hover:underline">
                            {r.label} #{r.packId}
                          </Link>
                        )}
                      </Td>
                      <Td className="font-mono text-xs break-all">{r.orderId}</Td>
                      <Td align="right" className="font-medium">
                        {formatMoney(r.amount)}
                      </Td>
                      <Td align="right">{formatMoney(r.returned.cash)}</Td>
                      <Td align="right">{formatMoney(r.returned.income)}</Td>
                      <Td align="right">{formatMoney(r.returned.gift)}</Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
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
