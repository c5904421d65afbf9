import type { StaffAccount } from '@idv/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { BackLink } from '../../../components/back-link.tsx';
import { DetailPage } from '../../../components/detail-page.tsx';
import { Badge, Banner, DescriptionList, PageHeader, Panel } from '../../../components/ui/index.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { meQueryOptions } from '../api/me.ts';
import { staffAccountQueryOptions } from '../api/staff-accounts.ts';
import { AccountStatus } from '../components/account-status.tsx';
import { AccountTimeline } from '../components/account-timeline.tsx';
import { AccountUsers } from '../components/account-users.tsx';
import { RefundRefusals, ViolationFlag } from '../components/staff-actions.tsx';
import { supportOnly } from '../components/staff-only.tsx';
import { StartImpersonationForm } from '../components/start-impersonation-form.tsx';
import { useStopImpersonation } from '../components/use-stop-impersonation.ts';
import { canWrite } from '../roles.ts';

/** R9.2 one account, seen by support: details, start impersonation, and (write sessions) R8.2/R8.5 actions. */
export const SupportAccountRoute = supportOnly(SupportAccount);

function SupportAccount() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const account = useQuery(staffAccountQueryOptions(id));
  return (
    <DetailPage
      query={account}
      pick={(found) => found}
      back={<BackLink to="/support">{t('support.back')}</BackLink>}
      loadingTitle={t('support.account.loading')}
      idTitle={t('support.account.title', { id })}
      notFound={{ title: t('support.account.notFoundTitle'), body: t('support.account.notFoundBody') }}
    >
      {(a) => <SupportAccountPage a={a} />}
    </DetailPage>
  );
}

function SupportAccountPage({ a }: { a: StaffAccount }) {
  const { t, tMaybe } = useI18n();
  const me = useQuery(meQueryOptions()).data;
  const stop = useStopImpersonation();
  const imp = me?.impersonation ?? null;
  const onThis = imp !== null && me?.account?.id === a.id;
  return (
    <>
      <PageHeader
        title={a.name}
        description={t('support.account.description')}
        back={<BackLink to="/support">{t('support.back')}</BackLink>}
        actions={a.isDemo ? <Badge tone="info">{t('support.demoAccount')}</Badge> : undefined}
      />
      <div className="flex flex-col gap-5">
        <Panel title={t('support.account.details')} headingId="details-heading">
          <DescriptionList
            items={[
              { key: 'id', term: t('support.col.id'), value: <span className="font-mono">{a.id}</span> },
              { key: 'status', term: t('support.col.status'), value: <AccountStatus status={a.status} /> },
              {
                key: 'settlement',
                term: t('support.col.settlement'),
                value: tMaybe(`account.settlement.${a.settlement}`, a.settlement),
              },
            ]}
          />
          <h3 className="mt-5 text-sm font-semibold text-slate-900">{t('support.col.members')}</h3>
          <AccountUsers users={a.users} className="mt-2 flex flex-col gap-1 text-sm" />
        </Panel>

        <Panel title={t('support.start.title')} description={t('support.start.description')} headingId="start-heading">
          {onThis ? (
            <Banner tone="warning" title={t('support.start.active')}>
              <p>{imp.write ? t('support.start.activeWrite') : t('support.start.activeReadOnly')}</p>
              <div className="mt-2 flex flex-wrap gap-3">
                <Link to="/packs" className="text-brand-700 underline">
                  {t('support.start.viewAsCustomer')}
                </Link>
                <button type="button" className="text-red-800 underline" onClick={() => stop.mutate()}>
                  {t('support.banner.stop')}
                </button>
              </div>
            </Banner>
          ) : imp ? (
            <Banner tone="info">{t('support.start.otherActive', { account: me?.account?.name ?? '' })}</Banner>
          ) : (
            <StartImpersonationForm account={a} mayWrite={canWrite(me)} />
          )}
        </Panel>

        {onThis && imp.write ? (
          <>
            <RefundRefusals />
            <ViolationFlag accountId={a.id} />
          </>
        ) : (
          <Panel title={t('support.actions.title')} headingId="actions-heading">
            <p className="text-sm text-slate-600">
              {canWrite(me) ? t('support.actions.needWriteSession') : t('support.actions.needPermission')}
            </p>
          </Panel>
        )}

        <AccountTimeline accountId={a.id} />
      </div>
    </>
  );
}
