import type { CreatedServiceKey, ServiceKey } from '@idv/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ConfirmActionDialog } from '../../../components/confirm-action-dialog.tsx';
import { CstHead } from '../../../components/cst-suffix.tsx';
import { FormDialog } from '../../../components/form-dialog.tsx';
import { ItemsQueryView } from '../../../components/items-query-view.tsx';
import { Badge, Banner, Button, DataTable, Field, Input } from '../../../components/ui/index.ts';
import { useCopy } from '../../../components/use-copy.ts';
import { formatDateTime } from '../../../lib/datetime.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import {
  createServiceKeyMutationOptions,
  revokeServiceKeyMutationOptions,
  serviceKeysQueryOptions,
} from '../api/service-keys.ts';
import { ListPanel } from './list-panel.tsx';

function CreatedKey({ created }: { created: CreatedServiceKey }) {
  const { t } = useI18n();
  const [copied, copy] = useCopy();
  return (
    <div className="flex flex-col gap-3">
      <Banner tone="warning" title={t('account.keys.onceTitle')}>
        {t('account.keys.onceBody')}
      </Banner>
      <Field label={t('account.keys.secret')}>
        {(p) => (
          <div className="flex gap-2">
            <Input
              {...p}
              readOnly
              value={created.key}
              className="font-mono text-xs"
              onFocus={(e) => e.currentTarget.select()}
              data-testid="created-service-key"
            />
            <Button onClick={() => void copy(created.key)}>{t('account.keys.copy')}</Button>
          </div>
        )}
      </Field>
      <p role="status" className="text-xs text-slate-600">
        {copied === 'copied' ? t('account.keys.copied') : copied === 'failed' ? t('account.keys.copyFailed') : ''}
      </p>
    </div>
  );
}

/** Usage service keys: create (the secret is shown once, with a copy button) and revoke (asks first). */
export function ServiceKeysPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const keys = useQuery({ ...serviceKeysQueryOptions(), enabled: canEdit });
  const [createOpen, setCreateOpen] = useState(false);
  const [name, setName] = useState('');
  const [toRevoke, setToRevoke] = useState<ServiceKey | null>(null);
  const create = useMutation({
    ...createServiceKeyMutationOptions(),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['service-keys'] }),
  });
  const revoke = useMutation({
    ...revokeServiceKeyMutationOptions(),
    onSuccess: () => {
      setToRevoke(null);
      void queryClient.invalidateQueries({ queryKey: ['service-keys'] });
    },
  });

  function closeCreate() {
    if (create.isPending) return;
    setCreateOpen(false);
    setName('');
    create.reset();
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate({ name: name.trim() || t('account.keys.defaultName') });
  }

  return (
    <ListPanel
      title={t('account.keys.title')}
      description={t('account.keys.description')}
      headingId="service-keys"
      createLabel={t('account.keys.create')}
      onCreate={canEdit ? () => setCreateOpen(true) : undefined}
      primary
    >
      {!canEdit ? (
        <p className="px-5 py-4 text-sm text-slate-600">{t('account.keys.ownerOnly')}</p>
      ) : (
        <ItemsQueryView query={keys} emptyTitle={t('account.keys.empty')}>
          {(data) => (
            <DataTable
              caption={t('account.keys.caption')}
              rows={data.items}
              columns={[
                { key: 'name', head: t('account.keys.name'), cell: (k) => k.name },
                {
                  key: 'prefix',
                  head: t('account.keys.prefix'),
                  className: 'font-mono text-xs',
                  cell: (k) => `${k.prefix}…`,
                },
                {
                  key: 'createdAt',
                  head: <CstHead>{t('account.keys.createdAt')}</CstHead>,
                  className: 'tabular whitespace-nowrap',
                  cell: (k) => formatDateTime(k.createdAt),
                },
                {
                  key: 'state',
                  head: t('account.keys.state'),
                  cell: (k) =>
                    k.revokedAt ? (
                      <Badge tone="muted">{t('account.keys.revokedAt', { at: formatDateTime(k.revokedAt) })}</Badge>
                    ) : (
                      <Badge tone="success">{t('account.keys.active')}</Badge>
                    ),
                },
              ]}
              actions={{
                label: t('account.keys.actions'),
                cell: (k) =>
                  k.revokedAt ? null : (
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => {
                        revoke.reset();
                        setToRevoke(k);
                      }}
                    >
                      {t('account.keys.revoke')}
                      <span className="sr-only"> {k.name}</span>
                    </Button>
                  ),
              }}
            />
          )}
        </ItemsQueryView>
      )}

      <FormDialog
        open={createOpen}
        onClose={closeCreate}
        title={t('account.keys.createTitle')}
        size="lg"
        formId="create-key-form"
        onSubmit={submit}
        submitLabel={t('account.keys.create')}
        pending={create.isPending}
        error={create.error}
        result={create.data ? <CreatedKey created={create.data} /> : undefined}
        doneLabel={t('account.keys.savedIt')}
        className="flex flex-col gap-3"
      >
        <Field label={t('account.keys.name')} hint={t('account.keys.nameHint')}>
          {(p) => <Input {...p} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />}
        </Field>
      </FormDialog>

      <ConfirmActionDialog
        open={toRevoke !== null}
        title={t('account.keys.revokeTitle', { name: toRevoke?.name ?? '' })}
        description={t('account.keys.revokeBody')}
        confirmLabel={t('account.keys.revokeConfirm')}
        busy={revoke.isPending}
        error={revoke.error}
        onConfirm={() => toRevoke && revoke.mutate(toRevoke.id)}
        onCancel={() => setToRevoke(null)}
      >
        <p className="font-mono text-xs">{toRevoke?.prefix}…</p>
      </ConfirmActionDialog>
    </ListPanel>
  );
}
