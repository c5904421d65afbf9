import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ItemsQueryView } from '../../../components/items-query-view.tsx';
import { NameAndId } from '../../../components/name-and-id.tsx';
import { SkeletonLines } from '../../../components/skeleton-lines.tsx';
import {
  Badge,
  buttonClasses,
  EmptyState,
  PageHeader,
  Panel,
  Table,
  TBody,
  Td,
  THead,
  Th,
  Tr,
} from '../../../components/ui/index.ts';
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
              <Table caption={t('demo.list.caption')} busy={list.isFetching}>
                <THead>
                  <tr>
                    <Th>{t('demo.col.tenant')}</Th>
                    <Th>{t('demo.col.scenario')}</Th>
                    <Th>{t('demo.col.customer')}</Th>
                    <Th>{t('demo.col.now')}</Th>
                    <Th>{t('demo.col.status')}</Th>
                    <Th>
                      <span className="sr-only">{t('demo.col.actions')}</span>
                    </Th>
                  </tr>
                </THead>
                <TBody>
                  {data.items.map((d) => (
                    <Tr key={d.accountId}>
                      <Td>
                        <NameAndId name={d.name} id={d.accountId} />
                      </Td>
                      <Td>{t(`demo.scenario.${d.scenario}`)}</Td>
                      <Td className="break-all">{d.customerEmail ?? t('common.dash')}</Td>
                      <Td className="whitespace-nowrap tabular">{formatDateTime(d.clock.now)}</Td>
                      <Td>
                        <Badge tone={d.status === 'active' ? 'success' : d.status === 'arrears' ? 'warning' : 'danger'}>
                          {tMaybe(`account.status.${d.status}`, d.status)}
                        </Badge>
                      </Td>
                      <Td align="right">
                        <Link
                          to={`/demo/${encodeURIComponent(d.accountId)}`}
                          className={buttonClasses('secondary', 'sm')}
                          aria-label={t('demo.list.open.aria', { name: d.name })}
                        >
                          {t('demo.list.open')}
                        </Link>
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            )}
          </ItemsQueryView>
        </Panel>
      </div>
    </>
  );
}
