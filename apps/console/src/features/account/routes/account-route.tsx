import type { Account } from '@idv/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { CstHead } from '../../../components/cst-suffix.tsx';
import { QueryView } from '../../../components/query-view.tsx';
import {
  Badge,
  type BadgeTone,
  Button,
  buttonClasses,
  DataTable,
  DescriptionList,
  EmptyState,
  PageHeader,
  Panel,
  Skeleton,
} from '../../../components/ui/index.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { formatMoney } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { can } from '../../../lib/permissions.ts';
import { useServerNow } from '../../../lib/use-server-now.ts';
import { accountQueryOptions } from '../api/account.ts';
import { meQueryOptions } from '../api/me.ts';
import { PostpaidPanel } from '../components/postpaid-panel.tsx';
import { RechargeDialog } from '../components/recharge-dialog.tsx';
import { ResourcesPanel } from '../components/resources-panel.tsx';
import { ServiceKeysPanel } from '../components/service-keys-panel.tsx';

const statusTone: Record<Account['status'], BadgeTone> = {
  active: 'success',
  arrears: 'warning',
  suspended: 'danger',
  released: 'muted',
};

function Balances({ account }: { account: Account }) {
  const { t } = useI18n();
  const kinds = ['cash', 'income', 'gift'] as const;
  return (
    <Panel title={t('account.balances')} description={t('account.availableHint')} headingId="balances">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="rounded border border-brand-200 bg-brand-50 p-4">
          <p className="text-sm text-brand-800">{t('account.balance.available')}</p>
          <p className="mt-1 text-2xl font-semibold text-slate-900 tabular">
            {formatMoney(account.balances.available)}
          </p>
        </div>
        {kinds.map((k) => (
          <div key={k} className="rounded border border-slate-200 p-4">
            <p className="text-sm text-slate-600">{t(`account.balance.${k}`)}</p>
            <p className="mt-1 text-xl font-semibold text-slate-900 tabular">{formatMoney(account.balances[k])}</p>
          </div>
        ))}
      </div>
    </Panel>
  );
}

function Vouchers({ account }: { account: Account }) {
  const { t, tMaybe } = useI18n();
  const now = useServerNow(60_000);
  return (
    <Panel
      title={t('account.vouchers')}
      description={t('account.voucher.note')}
      headingId="vouchers"
      bodyClassName="p-0"
    >
      {account.vouchers.length === 0 ? (
        <EmptyState headingLevel={3} title={t('account.vouchers.empty')} className="py-8" />
      ) : (
        <DataTable
          caption={t('account.vouchers.caption')}
          rows={account.vouchers}
          columns={[
            { key: 'id', head: t('account.voucher.id'), className: 'font-mono text-xs', cell: (v) => v.id },
            {
              key: 'faceValue',
              head: t('account.voucher.faceValue'),
              align: 'right',
              cell: (v) => formatMoney(v.faceValue),
            },
            {
              key: 'expiresAt',
              head: <CstHead>{t('account.voucher.expiresAt')}</CstHead>,
              className: 'tabular whitespace-nowrap',
              cell: (v) => formatDateTime(v.expiresAt),
            },
            {
              key: 'scope',
              head: t('account.voucher.scope'),
              cell: (v) =>
                v.productGroups && v.productGroups.length > 0
                  ? v.productGroups.map((g) => tMaybe(`product.${g}`, g)).join('、')
                  : t('account.voucher.scopeAll'),
            },
            {
              key: 'state',
              head: t('account.voucher.state'),
              cell: (v) =>
                v.usedOrderId ? (
                  <Badge tone="neutral">{t('account.voucher.used')}</Badge>
                ) : v.usable ? (
                  <Badge tone="success">{t('account.voucher.usable')}</Badge>
                ) : Date.parse(v.expiresAt) <= now ? (
                  <Badge tone="muted">{t('account.voucher.expired')}</Badge>
                ) : (
                  <Badge tone="muted">{t('account.voucher.unusable')}</Badge>
                ),
            },
          ]}
        />
      )}
    </Panel>
  );
}

export function AccountRoute() {
  const { t } = useI18n();
  const account = useQuery(accountQueryOptions());
  const me = useQuery(meQueryOptions()).data;
  const [params, setParams] = useSearchParams();
  const rechargeParam = params.get('recharge');
  const canRecharge = can(me, 'recharge');
  const canSettings = can(me, 'settings');

  function setRechargeOpen(open: boolean, amount = '') {
    const next = new URLSearchParams(params);
    if (open) next.set('recharge', amount);
    else {
      next.delete('recharge');
      next.delete('back'); // issue 17: the way back to an order belongs to that one recharge
    }
    setParams(next, { replace: !open });
  }

  return (
    <>
      <PageHeader
        title={t('account.title')}
        description={canSettings || canRecharge ? t('account.subtitleManage') : t('account.subtitleReadOnly')}
        actions={
          <>
            <Link to="/refunds" className={buttonClasses('secondary')}>
              {t('account.refundsLink')}
            </Link>
            {canRecharge ? (
              <Button variant="primary" onClick={() => setRechargeOpen(true)}>
                {t('account.recharge.open')}
              </Button>
            ) : null}
          </>
        }
      />
      {canRecharge ? (
        <RechargeDialog
          key={rechargeParam ?? 'closed'}
          open={rechargeParam !== null}
          initialAmount={rechargeParam ?? ''}
          backTo={params.get('back')}
          onClose={() => setRechargeOpen(false)}
        />
      ) : null}
      <QueryView
        query={account}
        padded={false}
        loading={
          <div className="flex flex-col gap-5">
            <Skeleton className="h-32 w-full" />
            <Skeleton className="h-40 w-full" />
          </div>
        }
      >
        {(data) => (
          <div className="flex flex-col gap-5">
            <Balances account={data} />
            <PostpaidPanel account={data} canEdit={canSettings} />
            <Panel title={t('account.settings')} headingId="settings">
              <DescriptionList
                columns={4}
                items={[
                  { key: 'name', term: t('account.name'), value: data.name },
                  {
                    key: 'id',
                    term: t('account.id'),
                    value: <span className="font-mono text-xs">{data.id}</span>,
                  },
                  {
                    key: 'settlement',
                    term: t('account.settlement'),
                    value: t(`account.settlement.${data.settlement}`),
                  },
                  {
                    key: 'postpaid',
                    term: t('account.postpaid'),
                    value: data.postpaidEnabled ? t('account.postpaid.on') : t('account.postpaid.off'),
                  },
                  {
                    key: 'status',
                    term: t('account.status'),
                    value: <Badge tone={statusTone[data.status]}>{t(`account.status.${data.status}`)}</Badge>,
                  },
                  ...(data.arrearsSince
                    ? [
                        {
                          key: 'arrears',
                          term: t('account.arrearsSince'),
                          value: formatDateTime(data.arrearsSince),
                        },
                      ]
                    : []),
                  ...(data.suspendsAt
                    ? [{ key: 'suspends', term: t('account.suspendsAt'), value: formatDateTime(data.suspendsAt) }]
                    : []),
                ]}
              />
            </Panel>
            <Vouchers account={data} />
            <ServiceKeysPanel canEdit={canSettings} />
            <ResourcesPanel canEdit={canSettings} />
          </div>
        )}
      </QueryView>
    </>
  );
}
