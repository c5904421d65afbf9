import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { BackLink } from '../../../components/back-link.tsx';
import { ConfirmActionDialog } from '../../../components/confirm-action-dialog.tsx';
import { DetailPage } from '../../../components/detail-page.tsx';
import { InlineError } from '../../../components/inline-error.tsx';
import { Badge, Banner, Button, DescriptionList, PageHeader, Panel } from '../../../components/ui/index.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { timelineKey } from '../api/clock.ts';
import {
  deleteTenantMutationOptions,
  demoTenantQueryOptions,
  demoTenantsKey,
  demoTenantsQueryOptions,
  openCustomerViewMutationOptions,
  resetPasswordMutationOptions,
  resetTenantMutationOptions,
} from '../api/tenants.ts';
import type { ClockAdvanced, DemoTenantCreated, UsageInjection } from '../api/types.ts';
import { ClockControls } from '../components/clock-controls.tsx';
import { CopyButton } from '../components/copy-button.tsx';
import { pmOnly } from '../components/pm-only.tsx';
import { TenantTimelinePanel } from '../components/tenant-timeline-panel.tsx';
import { TimelineList } from '../components/timeline-list.tsx';
import { TourPanel } from '../components/tour-panel.tsx';
import { UsageInjector } from '../components/usage-injector.tsx';
import { forgetTenantResources, loadTenantResources, saveTenantResources } from '../resources-store.ts';

/** R9.3 one demo tenant: sign-in, clock, usage injector, timeline, tour, reset and delete. */
export const DemoTenantRoute = pmOnly(DemoTenantPage);

function Secret({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <code className="rounded bg-slate-100 px-2 py-1 font-mono text-sm break-all text-slate-900">{value}</code>
      <CopyButton value={value} what={label} />
    </div>
  );
}

function DemoTenantPage() {
  const { t } = useI18n();
  const { accountId = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<DemoTenantCreated | null>(
    () => (location.state as { created?: DemoTenantCreated } | null)?.created ?? null,
  );
  const [stored, setResources] = useState(() => loadTenantResources(accountId));
  // The tenant as the server knows it (any PM browser): its resources for the injector, its mode.
  const detail = useQuery(demoTenantQueryOptions(accountId));
  const resources = detail.data?.resources.map((r) => ({ id: r.id, alias: r.alias })) ?? stored;
  const [pending, setPending] = useState<UsageInjection[]>([]);
  const [last, setLast] = useState<ClockAdvanced | null>(null);
  const [confirm, setConfirm] = useState<'reset' | 'delete' | 'password' | null>(null);
  const tenants = useQuery(demoTenantsQueryOptions());
  const password = useMutation({
    ...resetPasswordMutationOptions(accountId),
    onSuccess: async () => {
      setConfirm(null);
      await queryClient.invalidateQueries({ queryKey: demoTenantsKey });
    },
  });
  const customerView = useMutation({
    ...openCustomerViewMutationOptions(accountId),
    // A full load as the customer: nothing cached for the PM may show in the customer's console.
    onSuccess: () => window.location.assign('/packs'),
  });
  const reset = useMutation({
    ...resetTenantMutationOptions(accountId),
    onSuccess: async (r) => {
      saveTenantResources(accountId, r.resources);
      setResources(r.resources);
      // A reset issues a new service key (the customer's password is unchanged): show it once.
      setCreated(r);
      setLast(null);
      setConfirm(null);
      await queryClient.invalidateQueries({ queryKey: ['demo'] });
    },
  });
  const remove = useMutation({
    ...deleteTenantMutationOptions(accountId),
    onSuccess: async () => {
      forgetTenantResources(accountId);
      setConfirm(null);
      queryClient.removeQueries({ queryKey: timelineKey(accountId) });
      await queryClient.invalidateQueries({ queryKey: demoTenantsKey });
      await navigate('/demo', { replace: true });
    },
  });

  async function onAdvanced(r: ClockAdvanced) {
    setLast(r);
    setPending([]);
    await queryClient.invalidateQueries({ queryKey: ['demo'] });
  }

  /** The customer's sign-in, each with a copy button (creation answer, or a reset password). */
  const signInItems = (email: string, passwordLabel: string, value: string) => [
    { key: 'email', term: t('demo.creds.email'), value: <Secret label={t('demo.creds.email')} value={email} /> },
    { key: 'password', term: passwordLabel, value: <Secret label={passwordLabel} value={value} /> },
  ];

  return (
    <DetailPage
      query={tenants}
      pick={(d) => d.items.find((x) => x.accountId === accountId)}
      back={<BackLink to="/demo">{t('demo.back')}</BackLink>}
      loadingTitle={t('demo.tenant.loading')}
      idTitle={accountId}
      notFound={{ title: t('demo.tenant.notFoundTitle'), body: t('demo.tenant.notFoundBody') }}
    >
      {(tenant) => {
        const now = last && last.now > tenant.clock.now ? last.now : tenant.clock.now;
        return (
          <>
            <PageHeader
              title={tenant.name}
              description={t('demo.tenant.description')}
              back={<BackLink to="/demo">{t('demo.back')}</BackLink>}
              actions={<Badge tone="info">{t(`demo.scenario.${tenant.scenario}`)}</Badge>}
            />
            <div className="flex flex-col gap-5">
              {created ? (
                <Panel title={t('demo.creds.title')} headingId="creds-heading" className="border-amber-300">
                  <Banner tone="warning" className="mb-4">
                    {t('demo.creds.once')}
                  </Banner>
                  <DescriptionList
                    columns={2}
                    items={[
                      ...signInItems(created.customer.email, t('demo.creds.password'), created.customer.password),
                      {
                        key: 'key',
                        term: t('demo.creds.serviceKey'),
                        value: <Secret label={t('demo.creds.serviceKey')} value={created.serviceKey} />,
                      },
                      {
                        key: 'resources',
                        term: t('demo.creds.resources'),
                        value: (
                          <ul>
                            {created.resources.map((r) => (
                              <li key={r.id}>
                                {r.alias} <span className="font-mono text-xs text-slate-600">{r.id}</span>
                              </li>
                            ))}
                          </ul>
                        ),
                      },
                    ]}
                  />
                  <p className="mt-4 text-xs text-slate-600">{t('demo.creds.how')}</p>
                </Panel>
              ) : null}

              <Panel title={t('demo.tenant.details')} headingId="details-heading">
                <DescriptionList
                  columns={4}
                  items={[
                    {
                      key: 'now',
                      term: t('demo.tenant.now'),
                      value: (
                        <span className="font-mono text-base font-semibold tabular" data-testid="demo-tenant-now">
                          {formatDateTime(now)}
                        </span>
                      ),
                    },
                    {
                      key: 'id',
                      term: t('demo.tenant.id'),
                      value: <span className="font-mono">{tenant.accountId}</span>,
                    },
                    {
                      key: 'customer',
                      term: t('demo.tenant.customer'),
                      value: tenant.customerEmail ?? t('common.dash'),
                    },
                    {
                      key: 'settlement',
                      term: t('demo.tenant.settlement'),
                      value: detail.data ? t(`demo.tenant.settlement.${detail.data.settlement}`) : t('common.dash'),
                    },
                    { key: 'created', term: t('demo.tenant.createdAt'), value: formatDateTime(tenant.createdAt) },
                  ]}
                />
              </Panel>

              <Panel
                title={t('demo.access.title')}
                description={t('demo.access.description')}
                headingId="access-heading"
              >
                <div className="flex flex-wrap gap-2">
                  <Button variant="primary" loading={customerView.isPending} onClick={() => customerView.mutate()}>
                    {t('demo.access.open')}
                  </Button>
                  <Button onClick={() => setConfirm('password')}>{t('demo.access.reset')}</Button>
                </div>
                <p className="mt-2 text-xs text-slate-600">{t('demo.access.openHint')}</p>
                <InlineError error={customerView.error} />
                {password.data ? (
                  <div className="mt-4 flex flex-col gap-2" data-testid="new-customer-password">
                    <Banner tone="warning">{t('demo.access.newPasswordOnce')}</Banner>
                    <DescriptionList
                      columns={2}
                      items={signInItems(password.data.email, t('demo.access.newPassword'), password.data.password)}
                    />
                  </div>
                ) : null}
              </Panel>

              <Panel title={t('demo.clock.title')} description={t('demo.clock.description')} headingId="clock-heading">
                <ClockControls accountId={accountId} now={now} usage={pending} onAdvanced={onAdvanced} />
                {last ? (
                  <div className="mt-4 rounded border border-green-300 bg-green-50 p-3" aria-live="polite">
                    <p className="text-sm font-medium text-green-900">
                      {t('demo.clock.advanced', { now: formatDateTime(last.now), count: last.happened.length })}
                    </p>
                    {last.happened.length > 0 ? (
                      <div className="mt-2">
                        <TimelineList items={[...last.happened].reverse()} compact />
                      </div>
                    ) : null}
                  </div>
                ) : null}
              </Panel>

              <Panel title={t('demo.usage.title')} description={t('demo.usage.description')} headingId="usage-heading">
                <UsageInjector resources={resources} pending={pending} onChange={setPending} />
              </Panel>

              <TourPanel accountId={accountId} resourceId={resources[0]?.id} onAdvanced={onAdvanced} />

              <TenantTimelinePanel accountId={accountId} />

              <Panel title={t('demo.danger.title')} headingId="danger-heading">
                <div className="flex flex-wrap gap-2">
                  <Button onClick={() => setConfirm('reset')}>{t('demo.reset')}</Button>
                  <Button variant="danger" onClick={() => setConfirm('delete')}>
                    {t('demo.delete')}
                  </Button>
                </div>
                {reset.isSuccess ? <p className="mt-3 text-sm text-green-800">{t('demo.reset.done')}</p> : null}
              </Panel>
            </div>
            <ConfirmActionDialog
              open={confirm !== null}
              title={
                confirm === 'delete'
                  ? t('demo.delete.confirmTitle')
                  : confirm === 'password'
                    ? t('demo.access.resetConfirmTitle')
                    : t('demo.reset.confirmTitle')
              }
              confirmLabel={
                confirm === 'delete'
                  ? t('demo.delete')
                  : confirm === 'password'
                    ? t('demo.access.reset')
                    : t('demo.reset')
              }
              danger={confirm === 'delete'}
              busy={reset.isPending || remove.isPending || password.isPending}
              onCancel={() => setConfirm(null)}
              onConfirm={() =>
                confirm === 'delete' ? remove.mutate() : confirm === 'password' ? password.mutate() : reset.mutate()
              }
            >
              <p>
                {confirm === 'delete'
                  ? t('demo.delete.confirmBody')
                  : confirm === 'password'
                    ? t('demo.access.resetConfirmBody')
                    : t('demo.reset.confirmBody')}
              </p>
              {reset.isPending ? <p className="mt-2 text-xs text-slate-600">{t('demo.reset.progress')}</p> : null}
              <InlineError error={reset.error ?? remove.error ?? password.error} />
            </ConfirmActionDialog>
          </>
        );
      }}
    </DetailPage>
  );
}
