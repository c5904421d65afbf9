import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ItemsQueryView } from '../../../components/items-query-view.tsx';
import { NameAndId } from '../../../components/name-and-id.tsx';
import { SkeletonLines } from '../../../components/skeleton-lines.tsx';
import {
  Badge,
  Button,
  buttonClasses,
  DataTable,
  EmptyState,
  Field,
  Input,
  PageHeader,
  Panel,
} from '../../../components/ui/index.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { meQueryOptions } from '../api/me.ts';
import { staffAccountsQueryOptions } from '../api/staff-accounts.ts';
import { AccountStatus } from '../components/account-status.tsx';
import { AccountUsers } from '../components/account-users.tsx';
import { supportOnly } from '../components/staff-only.tsx';

/** R9.2 staff console home: find an account by id, name or a member's email. */
export const SupportRoute = supportOnly(AccountSearch);

function AccountSearch() {
  const { t, tMaybe } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim().slice(0, 100);
  const [draft, setDraft] = useState(q);
  const me = useQuery(meQueryOptions()).data;
  const list = useQuery(staffAccountsQueryOptions(q));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const next = draft.trim();
    setParams(next ? { q: next } : {});
  }

  return (
    <>
      <PageHeader
        title={t('support.title')}
        description={t('support.subtitle')}
        actions={
          <Link to="/support/outbox" className={buttonClasses('secondary')}>
            {t('support.outbox.link')}
          </Link>
        }
      />
      {me?.impersonation && me.account ? (
        <p className="mb-4 text-sm text-slate-700">
          {t('support.current', { account: me.account.name })}{' '}
          <Link className="text-brand-700 underline" to={`/support/accounts/${encodeURIComponent(me.account.id)}`}>
            {t('support.current.open')}
          </Link>
        </p>
      ) : null}
      <Panel>
        <search>
          <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
            <Field label={t('support.search.label')} className="min-w-64 flex-1">
              {(p) => (
                <Input
                  {...p}
                  type="search"
                  name="q"
                  maxLength={100}
                  value={draft}
                  onChange={(e) => setDraft(e.target.value)}
                  placeholder={t('support.search.placeholder')}
                />
              )}
            </Field>
            <Button type="submit" variant="primary">
              {t('support.search.submit')}
            </Button>
          </form>
        </search>
      </Panel>
      <Panel className="mt-5" bodyClassName="p-0">
        <ItemsQueryView
          query={list}
          loading={<SkeletonLines count={3} />}
          empty={
            <EmptyState icon="search" title={t('support.search.emptyTitle')}>
              {q ? t('support.search.emptyBody', { q }) : t('support.search.emptyAll')}
            </EmptyState>
          }
        >
          {(data) => (
            <DataTable
              caption={t('support.accounts.caption')}
              busy={list.isFetching}
              rows={data.items}
              columns={[
                {
                  key: 'account',
                  head: t('support.col.account'),
                  cell: (a) => (
                    <>
                      <NameAndId name={a.name} id={a.id} />
                      {a.isDemo ? (
                        <span className="mt-1 inline-block">
                          <Badge tone="info">{t('support.demoAccount')}</Badge>
                        </span>
                      ) : null}
                    </>
                  ),
                },
                {
                  key: 'members',
                  head: t('support.col.members'),
                  cell: (a) => <AccountUsers users={a.users} className="flex flex-col gap-0.5 text-slate-800" />,
                },
                { key: 'status', head: t('support.col.status'), cell: (a) => <AccountStatus status={a.status} /> },
                {
                  key: 'settlement',
                  head: t('support.col.settlement'),
                  cell: (a) => tMaybe(`account.settlement.${a.settlement}`, a.settlement),
                },
              ]}
              actions={{
                label: t('support.col.actions'),
                cell: (a) => (
                  <Link
                    to={`/support/accounts/${encodeURIComponent(a.id)}`}
                    className={buttonClasses('secondary', 'sm')}
                    aria-label={t('support.open.aria', { name: a.name })}
                  >
                    {t('support.open')}
                  </Link>
                ),
              }}
            />
          )}
        </ItemsQueryView>
      </Panel>
    </>
  );
}
