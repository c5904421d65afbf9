import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { FormDialog } from '../../../components/form-dialog.tsx';
import { ItemsQueryView } from '../../../components/items-query-view.tsx';
import { DataTable, Field, Input } from '../../../components/ui/index.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { createResourceMutationOptions, resourcesQueryOptions } from '../api/resources.ts';
import { ListPanel } from './list-panel.tsx';

const EMPTY = { alias: '', project: '', region: '' };

/** The account's applications (resources): the ids usage events and bills refer to (R5.5). */
export function ResourcesPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const resources = useQuery(resourcesQueryOptions());
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(EMPTY);
  const [touched, setTouched] = useState(false);
  const create = useMutation({
    ...createResourceMutationOptions(),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['resources'] });
      close(true);
    },
  });

  function close(force = false) {
    if (create.isPending && !force) return;
    setOpen(false);
    setForm(EMPTY);
    setTouched(false);
    create.reset();
  }
  const missing = (k: keyof typeof EMPTY) => touched && form[k].trim() === '';
  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!form.alias.trim() || !form.project.trim() || !form.region.trim()) return;
    create.mutate({ alias: form.alias.trim(), project: form.project.trim(), region: form.region.trim() });
  }

  return (
    <ListPanel
      title={t('account.resources.title')}
      description={t('account.resources.description')}
      headingId="resources"
      createLabel={t('account.resources.create')}
      onCreate={canEdit ? () => setOpen(true) : undefined}
    >
      <ItemsQueryView query={resources} emptyTitle={t('account.resources.empty')}>
        {(data) => (
          <DataTable
            caption={t('account.resources.caption')}
            rows={data.items}
            columns={[
              { key: 'id', head: t('account.resources.id'), className: 'font-mono text-xs', cell: (r) => r.id },
              { key: 'alias', head: t('account.resources.alias'), cell: (r) => r.alias },
              { key: 'project', head: t('account.resources.project'), cell: (r) => r.project },
              { key: 'region', head: t('account.resources.region'), cell: (r) => r.region },
            ]}
          />
        )}
      </ItemsQueryView>
      <FormDialog
        open={open}
        onClose={() => close()}
        title={t('account.resources.createTitle')}
        formId="create-resource-form"
        onSubmit={submit}
        submitLabel={t('account.resources.create')}
        pending={create.isPending}
        error={create.error}
        className="flex flex-col gap-3"
      >
        {(['alias', 'project', 'region'] as const).map((k) => (
          <Field
            key={k}
            label={t(`account.resources.${k}`)}
            hint={k === 'region' ? t('account.resources.regionHint') : undefined}
            error={missing(k) ? t('account.resources.required') : undefined}
          >
            {(p) => (
              <Input
                {...p}
                value={form[k]}
                maxLength={k === 'region' ? 50 : 100}
                onChange={(e) => setForm((f) => ({ ...f, [k]: e.target.value }))}
              />
            )}
          </Field>
        ))}
      </FormDialog>
    </ListPanel>
  );
}
