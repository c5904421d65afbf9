import type { Invitation, Me, Member } from '@idv/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ConfirmActionDialog } from '../../../components/confirm-action-dialog.tsx';
import { CstHead } from '../../../components/cst-suffix.tsx';
import { ItemsQueryView } from '../../../components/items-query-view.tsx';
import { MutationError } from '../../../components/mutation-error.tsx';
import {
  Badge,
  Banner,
  Button,
  DataTable,
  Field,
  Input,
  PageHeader,
  Panel,
  Select,
} from '../../../components/ui/index.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { type MessageKey, useI18n } from '../../../lib/i18n.tsx';
import { can } from '../../../lib/permissions.ts';
import { meQueryOptions } from '../api/me.ts';
import {
  changeRoleMutationOptions,
  invitationsQueryOptions,
  inviteMutationOptions,
  membersQueryOptions,
  removeMemberMutationOptions,
  revokeInvitationMutationOptions,
} from '../api/members.ts';

type Role = Invitation['role'];
const ROLES: readonly Role[] = ['viewer', 'finance', 'owner'];
const roleKey = (r: string) => `members.role.${r}` as MessageKey;

/** The three roles as options of a select (invitations and role changes). */
function RoleOptions() {
  const { t } = useI18n();
  return ROLES.map((r) => (
    <option key={r} value={r}>
      {t(roleKey(r))}
    </option>
  ));
}

/** A row's action: its visible word, and for screen readers the row it acts on. */
function RowAction({
  label,
  row,
  onClick,
  loading,
}: {
  label: string;
  row: string;
  onClick: () => void;
  loading?: boolean;
}) {
  return (
    <Button size="sm" variant="ghost" loading={loading} onClick={onClick}>
      {label}
      <span className="sr-only"> {row}</span>
    </Button>
  );
}

/** R9.1: only the account's owner (not a support agent) manages members; the server checks again. */
function isOwner(me: Me | undefined): boolean {
  return can(me, 'manage_users');
}

/**
 * R9.1 the account's members; the owner changes a member's role or removes them (each confirmed in a
 * dialog). Not on the owner's own row (removing oneself is refused; a role change of oneself could
 * lock the owner out), so the owner acting is always another owner than the row's: the account keeps
 * one (the server refuses removing oneself or the last owner with 409 anyway, shown in the dialog).
 */
function MembersPanel({ me, owner }: { me: Me | undefined; owner: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const members = useQuery(membersQueryOptions());
  const [toChange, setToChange] = useState<Member | null>(null);
  const [newRole, setNewRole] = useState<Role>('viewer');
  const [toRemove, setToRemove] = useState<Member | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['members'] });
  const changeRole = useMutation({
    ...changeRoleMutationOptions(),
    onSuccess: () => {
      setToChange(null);
      refresh();
    },
  });
  const remove = useMutation({
    ...removeMemberMutationOptions(),
    onSuccess: () => {
      setToRemove(null);
      refresh();
    },
  });
  return (
    <Panel title={t('members.list.title')} headingId="members-list" bodyClassName="p-0">
      <ItemsQueryView query={members}>
        {(data) => (
          <DataTable
            caption={t('members.list.caption')}
            rows={data.items}
            columns={[
              {
                key: 'name',
                head: t('members.col.name'),
                cell: (m) => (
                  <>
                    {m.name}
                    {m.id === me?.user.id ? <span className="ml-1 text-slate-600">{t('members.you')}</span> : null}
                  </>
                ),
              },
              { key: 'email', head: t('members.col.email'), cell: (m) => m.email },
              {
                key: 'role',
                head: t('members.col.role'),
                cell: (m) => <Badge tone={m.role === 'owner' ? 'info' : 'neutral'}>{t(roleKey(m.role))}</Badge>,
              },
              {
                key: 'since',
                head: <CstHead>{t('members.col.since')}</CstHead>,
                className: 'tabular whitespace-nowrap',
                cell: (m) => formatDateTime(m.createdAt),
              },
            ]}
            {...(owner
              ? {
                  actions: {
                    label: t('members.manage.actions'),
                    className: 'whitespace-nowrap',
                    cell: (m: Member) =>
                      m.id === me?.user.id ? null : (
                        <>
                          <RowAction
                            label={t('members.manage.changeRole')}
                            row={m.name}
                            onClick={() => {
                              changeRole.reset();
                              setNewRole(m.role);
                              setToChange(m);
                            }}
                          />
                          <RowAction
                            label={t('members.manage.remove')}
                            row={m.name}
                            onClick={() => {
                              remove.reset();
                              setToRemove(m);
                            }}
                          />
                        </>
                      ),
                  },
                }
              : {})}
          />
        )}
      </ItemsQueryView>
      <ConfirmActionDialog
        open={toChange !== null}
        danger={false}
        title={t('members.manage.roleTitle', { name: toChange?.name ?? '' })}
        description={t('members.manage.roleBody')}
        confirmLabel={t('members.manage.roleConfirm')}
        busy={changeRole.isPending}
        error={changeRole.error}
        onConfirm={() => {
          if (toChange && newRole !== toChange.role) changeRole.mutate({ id: toChange.id, role: newRole });
          else if (toChange && newRole === toChange.role) setToChange(null);
        }}
        onCancel={() => setToChange(null)}
      >
        <Field label={t('members.manage.newRole')} hint={t(`members.role.${newRole}Hint` as MessageKey)}>
          {(p) => (
            <Select {...p} name="new-role" value={newRole} onChange={(e) => setNewRole(e.target.value as Role)}>
              <RoleOptions />
            </Select>
          )}
        </Field>
      </ConfirmActionDialog>
      <ConfirmActionDialog
        open={toRemove !== null}
        title={t('members.manage.removeTitle', { name: toRemove?.name ?? '' })}
        description={t('members.manage.removeBody')}
        confirmLabel={t('members.manage.removeConfirm')}
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => toRemove && remove.mutate(toRemove.id)}
        onCancel={() => setToRemove(null)}
      />
    </Panel>
  );
}

function InviteForm() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [invalid, setInvalid] = useState(false);
  const invite = useMutation({
    ...inviteMutationOptions(),
    onSuccess: () => {
      setEmail('');
      void queryClient.invalidateQueries({ queryKey: ['members', 'invitations'] });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const value = email.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    invite.mutate({ email: value, role });
  }
  return (
    <Panel title={t('members.invite.title')} description={t('members.invite.description')} headingId="invite">
      <form className="flex flex-col gap-3 sm:flex-row sm:items-start" onSubmit={submit} noValidate>
        <Field
          className="sm:flex-1"
          label={t('members.invite.email')}
          error={invalid ? t('members.invite.emailInvalid') : undefined}
        >
          {(p) => (
            <Input
              {...p}
              name="email"
              type="email"
              autoComplete="off"
              inputMode="email"
              maxLength={254}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field className="sm:w-56" label={t('members.invite.role')} hint={t(`members.role.${role}Hint` as MessageKey)}>
          {(p) => (
            <Select {...p} name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              <RoleOptions />
            </Select>
          )}
        </Field>
        <Button type="submit" variant="primary" className="sm:mt-6" loading={invite.isPending}>
          {t('members.invite.submit')}
        </Button>
      </form>
      <div aria-live="polite" className="mt-3 empty:hidden">
        {invite.isSuccess ? (
          <Banner tone="success">{t('members.invite.sent', { email: invite.data.email })}</Banner>
        ) : null}
      </div>
      <MutationError error={invite.error} className="mt-3" />
    </Panel>
  );
}

function PendingInvitations() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const list = useQuery(invitationsQueryOptions());
  const [toRevoke, setToRevoke] = useState<Invitation | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['members', 'invitations'] });
  const revoke = useMutation({
    ...revokeInvitationMutationOptions(),
    onSuccess: () => {
      setToRevoke(null);
      refresh();
    },
  });
  const resend = useMutation({ ...inviteMutationOptions(), onSuccess: refresh });
  return (
    <Panel title={t('members.pending.title')} headingId="pending-invitations" bodyClassName="p-0">
      <ItemsQueryView query={list} emptyTitle={t('members.pending.empty')}>
        {(data) => (
          <>
            <MutationError error={resend.error} className="m-4" />
            <DataTable
              caption={t('members.pending.caption')}
              rows={data.items}
              columns={[
                { key: 'email', head: t('members.col.email'), cell: (i) => i.email },
                { key: 'role', head: t('members.col.role'), cell: (i) => t(roleKey(i.role)) },
                {
                  key: 'sentAt',
                  head: <CstHead>{t('members.pending.sentAt')}</CstHead>,
                  className: 'tabular whitespace-nowrap',
                  cell: (i) => formatDateTime(i.createdAt),
                },
                {
                  key: 'expiresAt',
                  head: <CstHead>{t('members.pending.expiresAt')}</CstHead>,
                  className: 'tabular whitespace-nowrap',
                  cell: (i) => formatDateTime(i.expiresAt),
                },
                {
                  key: 'state',
                  head: t('members.pending.state'),
                  cell: (i) =>
                    i.status === 'expired' ? (
                      <Badge tone="muted">{t('members.pending.expired')}</Badge>
                    ) : (
                      <Badge tone="warning">{t('members.pending.pending')}</Badge>
                    ),
                },
              ]}
              actions={{
                label: t('members.pending.actions'),
                className: 'whitespace-nowrap',
                cell: (i) => (
                  <>
                    <RowAction
                      label={t('members.pending.resend')}
                      row={i.email}
                      loading={resend.isPending && resend.variables?.email === i.email}
                      onClick={() => resend.mutate({ email: i.email, role: i.role })}
                    />
                    <RowAction
                      label={t('members.pending.revoke')}
                      row={i.email}
                      onClick={() => {
                        revoke.reset();
                        setToRevoke(i);
                      }}
                    />
                  </>
                ),
              }}
            />
          </>
        )}
      </ItemsQueryView>
      <ConfirmActionDialog
        open={toRevoke !== null}
        title={t('members.pending.revokeTitle', { email: toRevoke?.email ?? '' })}
        description={t('members.pending.revokeBody')}
        confirmLabel={t('members.pending.revokeConfirm')}
        busy={revoke.isPending}
        error={revoke.error}
        onConfirm={() => toRevoke && revoke.mutate(toRevoke.id)}
        onCancel={() => setToRevoke(null)}
      />
    </Panel>
  );
}

/**
 * R9.1 members of the account; the owner invites by email, sees, resends and revokes pending
 * invitations, and changes members' roles or removes them.
 */
export function MembersRoute() {
  const { t } = useI18n();
  const me = useQuery(meQueryOptions()).data;
  const owner = isOwner(me);
  return (
    <div className="flex flex-col gap-5">
      <PageHeader title={t('members.title')} description={t('members.subtitle')} />
      {owner ? (
        <>
          <InviteForm />
          <PendingInvitations />
        </>
      ) : (
        <Banner tone="info">{t('members.invite.ownerOnly')}</Banner>
      )}
      <MembersPanel me={me} owner={owner} />
    </div>
  );
}
