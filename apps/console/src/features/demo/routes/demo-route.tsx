import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ItemsQueryView } from '../../../components/items-query-view.tsx';
import { NameAndId } from '../../../components/name-and-id.tsx';
import { SkeletonLines } from '../../../components/skeleton-lines.tsx';
import { Badge, buttonClasses, DataTable, EmptyState, PageHeader, Panel } from '../../../components/ui/index.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { demoTenantsQueryOptions } from '../api/tenants.ts';
import { CreateTenantForm } from '../components/create-tenant-form.tsx';
import { pmOnly } from '../components/pm-only.tsx';

/** R9.3 demo control panel: create a tenant, list them. */
export const DemoRoute = pmOnly(DemoTenants);

function DemoTenants() {
  const { t, tMaybe } = useI18n();
  const list = useQuery(demoTenantsQueryOptions());
  return (
    <>
      <PageHeader title={t('demo.title')} description={t('demo.subtitle')} />
      <div className="flex flex-col gap-5">
        <Panel title={t('demo.create.title')} description={t('demo.create.description')} headingId="create-heading">
          <CreateTenantForm />
        </Panel>
        <Panel title={t('demo.list.title')} headingId="list-heading" bodyClassName="p-0">
          <ItemsQueryView
            query={list}
            loading={<SkeletonLines count={2} />}
            empty={
              <EmptyState headingLevel={3} title={t('demo.list.emptyTitle')}>
                {t('demo.list.emptyBody')}
              </EmptyState>
            }
          >
            {(data) => (
              <DataTable
                caption={t('demo.list.caption')}
                busy={list.isFetching}
                rows={data.items}
                rowKey={(d) => d.accountId}
                columns={[
                  {
                    key: 'tenant',
                    head: t('demo.col.tenant'),
                    cell: (d) => <NameAndId name={d.name} id={d.accountId} />,
                  },
                  { key: 'scenario', head: t('demo.col.scenario'), cell: (d) => t(`demo.scenario.${d.scenario}`) },
                  {
                    key: 'customer',
                    head: t('demo.col.customer'),
                    className: 'break-all',
                    cell: (d) => d.customerEmail ?? t('common.dash'),
                  },
                  {
                    key: 'now',
                    head: t('demo.col.now'),
                    className: 'whitespace-nowrap tabular',
                    cell: (d) => formatDateTime(d.clock.now),
                  },
                  {
                    key: 'status',
                    head: t('demo.col.status'),
                    cell: (d) => (
                      <Badge tone={d.status === 'active' ? 'success' : d.status === 'arrears' ? 'warning' : 'danger'}>
                        {tMaybe(`account.status.${d.status}`, d.status)}
                      </Badge>
                    ),
                  },
                ]}
                actions={{
                  label: t('demo.col.actions'),
                  cell: (d) => (
                    <Link
                      to={`/demo/${encodeURIComponent(d.accountId)}`}
                      className={buttonClasses('secondary', 'sm')}
                      aria-label={t('demo.list.open.aria', { name: d.name })}
                    >
                      {t('demo.list.open')}
                    </Link>
                  ),
                }}
              />
            )}
          </ItemsQueryView>
        </Panel>
      </div>
    </>
  );
}
